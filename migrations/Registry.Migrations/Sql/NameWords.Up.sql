-- The word list of the public name search and the similar-name check (issue 3, SPEC §4). Every organisation and
-- reservation carries the distinct words of its normalised names (search_words, a stored generated column with a
-- GIN index); the search asks for organisations having every word of the query. When none has, each query word is
-- expanded through the word list below: the known words within one letter of it (symmetric delete: every word of
-- four letters or more is also listed under each of its one-letter deletions, so a typo is found by btree
-- look-ups), and the known words it starts or is part of.
-- Kept by statement-level triggers on organisations and reservations (one set-based insert per statement, new
-- words only), and rebuilt in one pass by registry.name_words_rebuild() after a bulk load that set
-- registry.statistics_maintenance = 'deferred' (the generator does).

-- The word itself and, from four letters on, each of its one-letter deletions.
CREATE FUNCTION registry.word_deletions(word text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT array(SELECT word
                 UNION
                 SELECT overlay(word PLACING '' FROM i FOR 1) FROM generate_series(1, length(word)) AS i WHERE length(word) >= 4)
$$;

CREATE TABLE registry.name_words (
    word text PRIMARY KEY
);
CREATE INDEX ix_name_words_prefix ON registry.name_words (word text_pattern_ops);
CREATE INDEX ix_name_words_trgm ON registry.name_words USING gin (word gin_trgm_ops);

CREATE TABLE registry.name_word_deletions (
    deletion text NOT NULL,
    word text NOT NULL,
    PRIMARY KEY (deletion, word)
);

-- Adds the words not yet listed, in a stable order so that two transactions adding the same new words cannot deadlock.
CREATE FUNCTION registry.name_words_add(words text[]) RETURNS void
LANGUAGE sql AS $$
    WITH added AS (
        INSERT INTO registry.name_words (word)
        SELECT DISTINCT w FROM unnest(words) AS t(w) WHERE w <> '' ORDER BY w
        ON CONFLICT DO NOTHING
        RETURNING word)
    INSERT INTO registry.name_word_deletions (deletion, word)
    SELECT DISTINCT d, a.word FROM added a, unnest(registry.word_deletions(a.word)) AS d ORDER BY 1, 2
    ON CONFLICT DO NOTHING
$$;

-- For organisations and reservations alike: reads only new_rows.search_words.
CREATE FUNCTION registry.name_words_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('registry.statistics_maintenance', true) = 'deferred' THEN
        RETURN NULL; -- a bulk load: registry.name_words_rebuild() follows it
    END IF;
    PERFORM registry.name_words_add(array(SELECT DISTINCT w FROM new_rows, unnest(new_rows.search_words) AS t(w)));
    RETURN NULL;
END
$$;

CREATE FUNCTION registry.name_words_organization_renamed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM registry.name_words_add(NEW.search_words);
    RETURN NULL;
END
$$;

-- Words no longer used stay listed: they only widen a typo expansion, which then finds no name by them.
CREATE FUNCTION registry.name_words_rebuild() RETURNS void
LANGUAGE sql AS $$
    TRUNCATE registry.name_word_deletions, registry.name_words;
    SELECT registry.name_words_add(array(SELECT w FROM registry.organizations, unnest(search_words) AS t(w)
                                         UNION SELECT w FROM registry.name_reservations, unnest(search_words) AS t(w) WHERE consumed_at IS NULL));
$$;

CREATE TRIGGER name_words_organizations_inserted AFTER INSERT ON registry.organizations
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registry.name_words_inserted();
CREATE TRIGGER name_words_reservations_inserted AFTER INSERT ON registry.name_reservations
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registry.name_words_inserted();
CREATE TRIGGER name_words_organization_renamed AFTER UPDATE OF name_ar, name_latin, normalized_name_ar, normalized_name_latin ON registry.organizations
    FOR EACH ROW WHEN (OLD.search_words IS DISTINCT FROM NEW.search_words) EXECUTE FUNCTION registry.name_words_organization_renamed();

SELECT registry.name_words_rebuild();

-- How common each word is (most common elements): a search for a common word reads the table in order and stops at
-- the first hundred organisations instead of building a bitmap of a hundred thousand.
ALTER TABLE registry.organizations ALTER COLUMN search_words SET STATISTICS 1000;
ANALYZE registry.organizations (search_words);
