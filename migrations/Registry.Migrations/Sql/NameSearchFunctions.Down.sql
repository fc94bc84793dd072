DROP FUNCTION IF EXISTS registry.similar_names(text, text, text[], text[], text[], text[], float8, timestamptz, integer);
DROP FUNCTION IF EXISTS registry.search_organizations(text, boolean, text[], text, text, text, text, text, text, float8, text, integer, integer);
DROP FUNCTION IF EXISTS registry.word_variants(text[], boolean);
ALTER TABLE registry.organizations ALTER COLUMN search_words SET STATISTICS 1000;
