-- Tags on devices (any number besides the group) and each user's console preferences.

-- `tag` as it was first written; `tag_key` its case-folded form, which is what makes two tags the
-- same (SQLite's lower() folds only ASCII, so the key is computed in the store).
CREATE TABLE device_tags (
  device_id TEXT NOT NULL REFERENCES devices(id),
  tag_key   TEXT NOT NULL,
  tag       TEXT NOT NULL,
  added_at  INTEGER NOT NULL,
  PRIMARY KEY (device_id, tag_key)
) WITHOUT ROWID;
CREATE INDEX device_tags_key ON device_tags(tag_key);

CREATE TABLE user_preferences (
  user_id    INTEGER PRIMARY KEY REFERENCES users(id),
  data       TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
