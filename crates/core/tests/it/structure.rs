//! The core's structure as its imports draw it: no circle between its
//! modules (a module that needs another's types imports them from below,
//! never from a module that imports it back). Tests are left out: a test
//! may reach anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every source file under `src`.
fn sources(src: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![src.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

/// Each top-level module of `src` and the top-level modules its code (not
/// its tests) names as `crate::…`.
fn imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<String> = std::fs::read_dir(src)
        .expect("src")
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let module = name.strip_suffix(".rs").unwrap_or(&name).to_owned();
            (module != "lib").then_some(module)
        })
        .collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in sources(src) {
        let relative = path.strip_prefix(src).expect("under src");
        let Some(first) = relative.iter().next() else {
            continue;
        };
        let first = first.to_string_lossy();
        let module = first.strip_suffix(".rs").unwrap_or(&first).to_owned();
        let name = relative.to_string_lossy();
        if module == "lib" || name.ends_with("tests.rs") || name.contains("fixtures") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("source");
        let code = text
            .split("#[cfg(test)]\nmod tests")
            .next()
            .unwrap_or_default();
        for (at, _) in code.match_indices("crate::") {
            let named: String = code[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if named != module && modules.contains(&named) {
                edges.entry(module.clone()).or_default().insert(named);
            }
        }
    }
    edges
}

#[test]
fn no_module_of_the_core_imports_one_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let edges = imports(&src);
    assert!(edges.len() > 10, "the modules were read: {edges:?}");
    // Every path from each module: a circle is a path back to itself.
    for start in edges.keys() {
        let mut seen = BTreeSet::new();
        let mut paths = vec![vec![start.clone()]];
        while let Some(path) = paths.pop() {
            let last = path.last().cloned().unwrap_or_default();
            for next in edges.get(&last).into_iter().flatten() {
                assert!(
                    next != start,
                    "a circle of imports: {} -> {next}",
                    path.join(" -> ")
                );
                if seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    paths.push(longer);
                }
            }
        }
    }
}

/// The core's modules name what they use where it is defined
/// (`crate::target::Target`), never through `lib.rs`'s re-exports for the
/// front ends (`crate::Target`): an import through the crate's root hides
/// the module it comes from, and the structure above would not see it.
#[test]
fn the_core_imports_from_the_defining_module() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut through_the_root = Vec::new();
    for path in sources(&src) {
        if path == src.join("lib.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("source");
        for (number, line) in text.lines().enumerate() {
            let named = line.match_indices("crate::").any(|(at, _)| {
                let after = &line[at + "crate::".len()..];
                // `crate::Target`, or `crate::{Target, …}`.
                after.starts_with(|c: char| c.is_ascii_uppercase())
                    || after.strip_prefix('{').is_some_and(|group| {
                        group
                            .split(',')
                            .any(|item| item.trim().starts_with(|c: char| c.is_ascii_uppercase()))
                    })
            });
            if named {
                through_the_root.push(format!("{}:{}: {line}", path.display(), number + 1));
            }
        }
    }
    assert!(
        through_the_root.is_empty(),
        "{}",
        through_the_root.join("\n")
    );
}
