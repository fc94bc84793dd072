DROP TRIGGER IF EXISTS name_words_organization_renamed ON registry.organizations;
DROP TRIGGER IF EXISTS name_words_organizations_inserted ON registry.organizations;
DROP FUNCTION IF EXISTS registry.name_words_rebuild();
DROP FUNCTION IF EXISTS registry.name_words_organization_renamed();
DROP FUNCTION IF EXISTS registry.name_words_organizations_changed();
DROP FUNCTION IF EXISTS registry.name_words_add(text[]);
DROP TABLE IF EXISTS registry.name_word_deletions;
DROP TABLE IF EXISTS registry.name_words;
DROP FUNCTION IF EXISTS registry.word_deletions(text);
