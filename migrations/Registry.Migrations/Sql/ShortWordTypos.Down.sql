-- Back to words of three letters listed nowhere under their deletions (NameWords, NameSearchFunctions).
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

CREATE OR REPLACE FUNCTION registry.name_words_add(words text[]) RETURNS void
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

CREATE OR REPLACE FUNCTION registry.name_words_rebuild() RETURNS void
LANGUAGE sql AS $$
    TRUNCATE registry.name_word_deletions, registry.name_words;
    SELECT registry.name_words_add(array(SELECT w FROM registry.organizations, unnest(search_words) AS t(w)
                                         UNION SELECT w FROM registry.name_reservations, unnest(search_words) AS t(w) WHERE consumed_at IS NULL));
$$;

DROP TABLE registry.short_word_deletions;
