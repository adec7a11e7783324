//! More files than one read chunk: relations across chunks are found, ids stay sorted, and a
//! duplicate id in a later chunk is still an error for the later record.

mod util;

fn article(n: usize) -> String {
    let words: Vec<String> = (0..120)
        .map(|i| format!("w{}x{}", n * 7919 % 1000, i))
        .collect();
    words.join(" ") + "."
}

#[test]
fn relations_cross_read_chunks() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..150 {
        std::fs::write(dir.path().join(format!("doc{n:03}.txt")), article(n)).unwrap();
    }
    // The last file copies the first one; they are 149 files apart.
    std::fs::write(dir.path().join("doc150.txt"), article(0)).unwrap();
    std::fs::write(
        dir.path().join("zz.jsonl"),
        "{\"id\": \"doc001.txt\", \"text\": \"A clash.\"}\n",
    )
    .unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = util::run(&[
        "dedup",
        dir.path().to_str().unwrap(),
        "--out",
        out_dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", util::stderr(&out));
    assert!(util::stderr(&out).contains("duplicate id \"doc001.txt\""));
    let docs = util::read_jsonl(&out_dir.path().join("documents.jsonl"));
    assert_eq!(docs.len(), 151);
    let last = docs.iter().find(|d| d["id"] == "doc150.txt").unwrap();
    assert_eq!(last["group"], "doc000.txt");
    let rels = util::read_jsonl(&out_dir.path().join("relations.jsonl"));
    assert!(rels
        .iter()
        .any(|r| r["a"] == "doc000.txt" && r["b"] == "doc150.txt" && r["kind"] == "exact"));
}
