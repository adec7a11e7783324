"""One exception class per engine error family, all under `SamestoryError`."""

import pyarrow as pa
import pytest

import samestory

FAMILIES = [
    "ConfigError",
    "InputError",
    "IngestError",
    "RelateError",
    "StoryError",
    "PipelineError",
    "OutputError",
]


@pytest.mark.parametrize("name", FAMILIES)
def test_each_family_is_a_samestory_error(name):
    cls = getattr(samestory, name)
    assert issubclass(cls, samestory.SamestoryError)
    assert issubclass(samestory.SamestoryError, Exception)
    assert cls.__module__ == "samestory"
    assert cls.__doc__


def test_an_unknown_setting_raises_config_error():
    with pytest.raises(samestory.ConfigError, match="nope"):
        samestory.signatures(pa.array(["text"]), settings={"relate.nope": 1})


def test_a_wrong_setting_type_raises_config_error():
    with pytest.raises(samestory.ConfigError):
        samestory.signatures(pa.array(["text"]), settings=["relate.num_perm=many"])


def test_a_missing_config_file_raises_config_error(tmp_path):
    with pytest.raises(samestory.ConfigError, match="cannot read config"):
        samestory.signatures(pa.array(["text"]), config=tmp_path / "missing.toml")


def test_settings_as_one_string_raise_input_error():
    with pytest.raises(samestory.InputError):
        samestory.signatures(pa.array(["text"]), settings="relate.num_perm=64")


def test_every_function_has_a_docstring():
    for name in samestory.__all__:
        assert getattr(samestory, name).__doc__, name
