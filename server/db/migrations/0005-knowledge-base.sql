-- Knowledge base: Markdown articles (stored as typed, never rendered as HTML), their full-text
-- index, and the links between tickets and the articles that helped with them.

CREATE TABLE kb_articles (
  id               INTEGER PRIMARY KEY,
  title            TEXT NOT NULL,
  body             TEXT NOT NULL,                 -- Markdown source, verbatim
  category         TEXT NOT NULL,
  created_by       INTEGER NOT NULL REFERENCES users(id),
  created_at       INTEGER NOT NULL,
  updated_by       INTEGER REFERENCES users(id),  -- NULL until first edited
  updated_at       INTEGER NOT NULL,
  source_ticket_id INTEGER REFERENCES tickets(id) -- the ticket whose resolution it was made from
);
CREATE INDEX kb_articles_category ON kb_articles(category, updated_at);
CREATE INDEX kb_articles_updated ON kb_articles(updated_at);
-- A ticket's resolution becomes at most one article.
CREATE UNIQUE INDEX kb_articles_source_ticket ON kb_articles(source_ticket_id) WHERE source_ticket_id IS NOT NULL;

-- Title and body search. External content: the text lives once, in kb_articles; the triggers keep
-- the index in step with every insert, edit and delete. Porter stemming: "printers" finds "printer".
CREATE VIRTUAL TABLE kb_articles_fts USING fts5(
  title,
  body,
  content = 'kb_articles',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER kb_articles_fts_insert AFTER INSERT ON kb_articles BEGIN
  INSERT INTO kb_articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER kb_articles_fts_delete AFTER DELETE ON kb_articles BEGIN
  INSERT INTO kb_articles_fts (kb_articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER kb_articles_fts_update AFTER UPDATE OF title, body ON kb_articles BEGIN
  INSERT INTO kb_articles_fts (kb_articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO kb_articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

-- Which articles helped with which tickets; a pair is linked once.
CREATE TABLE ticket_kb_links (
  ticket_id  INTEGER NOT NULL REFERENCES tickets(id),
  article_id INTEGER NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
  linked_by  INTEGER NOT NULL REFERENCES users(id),
  at         INTEGER NOT NULL,
  PRIMARY KEY (ticket_id, article_id)
) WITHOUT ROWID;
CREATE INDEX ticket_kb_links_article ON ticket_kb_links(article_id);
