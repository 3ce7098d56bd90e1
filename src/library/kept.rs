//! Extracted datasets kept between sessions: written into the user's data directory so the next
//! session reopens them, and deleted again when the user closes them. Every operation returns
//! its error, naming the file; the app decides how to show it.

use std::path::{Path, PathBuf};

use super::LoadedDataset;

/// Why a kept file could not be written or removed. `Display` names the file.
#[derive(Debug, thiserror::Error)]
pub enum KeptError {
    /// The folder could not be created.
    #[error("{dir}: cannot create the folder for kept datasets: {source}")]
    Folder {
        /// The folder.
        dir: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The dataset could not be saved.
    #[error("{0}")]
    Save(String),
    /// The kept copy could not be deleted.
    #[error("{file}: cannot delete the kept copy: {source}")]
    Remove {
        /// The file.
        file: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
}

/// The folder extracted datasets are kept in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptDir(pub PathBuf);

impl KeptDir {
    /// True when `path` is a file kept here (the app's own, not a file the user chose).
    pub fn holds(&self, path: &Path) -> bool {
        path.parent() == Some(self.0.as_path())
    }

    /// Writes `ds` as a new file here, named after the dataset, and returns its path.
    pub fn keep(&self, ds: &LoadedDataset) -> Result<PathBuf, KeptError> {
        std::fs::create_dir_all(&self.0).map_err(|source| KeptError::Folder {
            dir: self.0.clone(),
            source,
        })?;
        let stem: String = ds
            .name
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .take(60)
            .collect();
        let mut path = self.0.join(format!("{stem}.json"));
        let mut n = 1;
        while path.exists() {
            n += 1;
            path = self.0.join(format!("{stem}-{n}.json"));
        }
        ds.data
            .save(&path)
            .map_err(|e| KeptError::Save(e.to_string()))?;
        Ok(path)
    }

    /// Deletes a kept file; a file already gone is no error.
    pub fn forget(&self, path: &Path) -> Result<(), KeptError> {
        match std::fs::remove_file(path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(KeptError::Remove {
                file: path.to_owned(),
                source,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_under_a_free_name_and_forgets() {
        let dir = tempfile::tempdir().unwrap();
        let kept = KeptDir(dir.path().join("extracted"));
        let ds = LoadedDataset::embedded_seed();
        let a = kept.keep(&ds).unwrap();
        let b = kept.keep(&ds).unwrap();
        assert_ne!(a, b);
        assert!(kept.holds(&a) && !kept.holds(Path::new("/tmp/x.json")));
        kept.forget(&a).unwrap();
        assert!(!a.exists());
        kept.forget(&a).expect("already gone is fine");
    }

    #[test]
    fn an_unwritable_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-folder");
        std::fs::write(&file, "x").unwrap();
        let err = KeptDir(file.join("sub"))
            .keep(&LoadedDataset::embedded_seed())
            .unwrap_err()
            .to_string();
        assert!(err.contains("not-a-folder"), "{err}");
    }
}
