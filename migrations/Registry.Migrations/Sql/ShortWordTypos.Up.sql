-- A typo in a word of three letters is found (issue 3, SPEC §7: typo-tolerant): سوص did not find سوس, because only
-- words of four letters or more are listed under their one-letter deletions. Listing three-letter words there too
-- made every three-letter query word mean its many neighbours (قني, a letter short of قاني, also meant the common بني,
-- and the hundred candidates of a million organisations were then mostly بني's), so they are listed apart, in
-- registry.short_word_deletions, and read only as a last resort: a three-letter query word that is not a registered
-- word and is no registered word less a letter is looked for among the three-letter words one letter off (one changed)
-- and the two-letter words it is with a letter more. The similar-name check does not read them.

CREATE TABLE registry.short_word_deletions (
    deletion text NOT NULL,
    word text NOT NULL,
    PRIMARY KEY (deletion, word)
);

-- As before (NameWords), and each new word of three letters also under its one-letter deletions, apart.
CREATE OR REPLACE FUNCTION registry.name_words_add(words text[]) RETURNS void
LANGUAGE sql AS $$
    WITH added AS (
        INSERT INTO registry.name_words (word)
        SELECT DISTINCT w FROM unnest(words) AS t(w) WHERE w <> '' ORDER BY w
        ON CONFLICT DO NOTHING
        RETURNING word),
    short_words AS (
        INSERT INTO registry.short_word_deletions (deletion, word)
        SELECT DISTINCT overlay(a.word PLACING '' FROM i FOR 1), a.word
        FROM added a, generate_series(1, 3) AS i WHERE length(a.word) = 3 ORDER BY 1, 2
        ON CONFLICT DO NOTHING)
    INSERT INTO registry.name_word_deletions (deletion, word)
    SELECT DISTINCT d, a.word FROM added a, unnest(registry.word_deletions(a.word)) AS d ORDER BY 1, 2
    ON CONFLICT DO NOTHING
$$;

CREATE OR REPLACE FUNCTION registry.name_words_rebuild() RETURNS void
LANGUAGE sql AS $$
    TRUNCATE registry.name_word_deletions, registry.short_word_deletions, registry.name_words;
    SELECT registry.name_words_add(array(SELECT w FROM registry.organizations, unnest(search_words) AS t(w)
                                         UNION SELECT w FROM registry.name_reservations, unnest(search_words) AS t(w) WHERE consumed_at IS NULL));
$$;

INSERT INTO registry.short_word_deletions (deletion, word)
SELECT DISTINCT overlay(w.word PLACING '' FROM i FOR 1), w.word
FROM registry.name_words w, generate_series(1, 3) AS i WHERE length(w.word) = 3
ORDER BY 1, 2;

-- As before (NameSearchFunctions), with the last resort of a three-letter word described above.
CREATE OR REPLACE FUNCTION registry.word_variants(words text[], completions boolean) RETURNS TABLE (word_number integer, variants text[])
LANGUAGE plpgsql STABLE STRICT AS $$
DECLARE
    pattern text;
    found text;
    each_word text[] := '{}';
BEGIN
    FOR i IN 1 .. coalesce(cardinality(words), 0) LOOP
        pattern := replace(replace(replace(words[i], '\', '\\'), '%', '\%'), '_', '\_');
        found := format('SELECT d.word FROM registry.name_word_deletions d WHERE d.deletion = ANY (%L::text[])',
            registry.word_deletions(words[i]));
        IF length(words[i]) = 3 THEN
            found := found || format(
                ' UNION ALL SELECT s.word FROM registry.short_word_deletions s'
                || ' WHERE s.deletion = ANY (%L::text[]) AND NOT EXISTS (SELECT FROM registry.name_word_deletions d WHERE d.deletion = %L)'
                || ' UNION ALL SELECT w.word FROM registry.name_words w'
                || ' WHERE w.word = ANY (%L::text[]) AND NOT EXISTS (SELECT FROM registry.name_word_deletions d WHERE d.deletion = %L)',
                array(SELECT overlay(words[i] PLACING '' FROM n FOR 1) FROM generate_series(1, 3) AS n), words[i],
                array(SELECT overlay(words[i] PLACING '' FROM n FOR 1) FROM generate_series(1, 3) AS n), words[i]);
        END IF;
        IF completions THEN
            found := found || format(
                ' UNION ALL (SELECT w.word FROM registry.name_words w WHERE w.word LIKE %L ORDER BY length(w.word), w.word LIMIT 20)',
                pattern || '%');
            IF length(words[i]) >= 3 THEN
                found := found || format(
                    ' UNION ALL (SELECT w.word FROM registry.name_words w WHERE w.word LIKE %L ORDER BY length(w.word), w.word LIMIT 20)',
                    '%' || pattern || '%');
            END IF;
        END IF;
        each_word := each_word || format('SELECT %s, array(SELECT DISTINCT v.word FROM (%s) AS v(word))', i, found);
    END LOOP;

    IF cardinality(each_word) > 0 THEN
        RETURN QUERY EXECUTE array_to_string(each_word, ' UNION ALL ');
    END IF;
END
$$;
