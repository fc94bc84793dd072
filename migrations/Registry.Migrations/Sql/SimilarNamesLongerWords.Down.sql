-- Back to the variants of SimilarNameCandidates: no word a longer form of the new name's.

-- The registered names and live reservations at least threshold similar to a name being reserved (NameRegister;
-- for_ar, for_latin: its normalised names, '' when it has none; words_*: their distinct words, at most six;
-- names_*: the name itself and the name less one or two of its words). The candidates compared:
-- those whose compact key (the normalised name without spaces) is the compact key of one of names_ar / names_latin,
-- the first max_matches of each key by number; and those having, for every word of one of the normalised names, one
-- of its variants: the word, a word within one letter of it (registry.word_variants' deletions), or a known word among
-- its registry.similar_word_forms (at most 50 of these).
CREATE OR REPLACE FUNCTION registry.similar_names(
    for_ar text, for_latin text, words_ar text[], words_latin text[], names_ar text[], names_latin text[],
    threshold float8, as_of timestamptz, max_matches integer)
RETURNS TABLE (name_ar text, name_latin text, registration_number text, reserved boolean, similarity float8)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    compact_ar text[] := array(SELECT DISTINCT replace(n, ' ', '') FROM unnest(names_ar) AS t(n) WHERE n <> '');
    compact_latin text[] := array(SELECT DISTINCT replace(n, ' ', '') FROM unnest(names_latin) AS t(n) WHERE n <> '');
    words text[];
    conditions text[];
    condition text;
    every_word text[];
    -- %1$L, %2$L the compact keys; one index probe per key, each reading at most max_matches entries
    organizations text := format($sql$
        (SELECT f.id FROM unnest(%1$L::text[]) AS k(key),
             LATERAL (SELECT o.id FROM registry.organizations o
                      WHERE replace(o.normalized_name_ar, ' ', '') = k.key AND o.normalized_name_ar <> ''
                      ORDER BY o.registration_number LIMIT $5) AS f)
        UNION
        (SELECT f.id FROM unnest(%2$L::text[]) AS k(key),
             LATERAL (SELECT o.id FROM registry.organizations o
                      WHERE replace(o.normalized_name_latin, ' ', '') = k.key AND o.normalized_name_latin <> ''
                      ORDER BY o.registration_number LIMIT $5) AS f)
        $sql$, compact_ar, compact_latin);
    reservations text := format($sql$
        (SELECT f.id FROM unnest(%1$L::text[]) AS k(key),
             LATERAL (SELECT r.id FROM registry.name_reservations r
                      WHERE replace(r.normalized_ar, ' ', '') = k.key AND r.normalized_ar <> '' AND r.consumed_at IS NULL AND r.expires_at > $3
                      LIMIT $5) AS f)
        UNION
        (SELECT f.id FROM unnest(%2$L::text[]) AS k(key),
             LATERAL (SELECT r.id FROM registry.name_reservations r
                      WHERE replace(r.normalized_latin, ' ', '') = k.key AND r.normalized_latin <> '' AND r.consumed_at IS NULL AND r.expires_at > $3
                      LIMIT $5) AS f)
        $sql$, compact_ar, compact_latin);
BEGIN
    -- for each word of both names, the condition that a name has one of its variants (null: a word nobody uses and
    -- none of its forms known); one query for all the words, by the word list's primary keys
    SELECT array_agg(CASE WHEN cardinality(v.variants) > 0 THEN format('c.search_words && %L::text[]', v.variants) END ORDER BY v.word_number)
    INTO conditions
    FROM (SELECT w.word_number,
                 array(SELECT d.word FROM registry.name_word_deletions d WHERE d.deletion = ANY (registry.word_deletions(w.word))
                       UNION
                       SELECT k.word FROM registry.name_words k WHERE k.word = ANY (registry.similar_word_forms(w.word))) AS variants
          FROM unnest(coalesce(words_ar, '{}') || coalesce(words_latin, '{}')) WITH ORDINALITY AS w(word, word_number)) AS v;
    FOR script IN 1 .. 2 LOOP
        words := CASE script WHEN 1 THEN words_ar ELSE words_latin END;
        CONTINUE WHEN coalesce(cardinality(words), 0) = 0;
        every_word := '{}';
        FOR i IN 1 .. cardinality(words) LOOP
            condition := conditions[CASE script WHEN 1 THEN i ELSE coalesce(cardinality(words_ar), 0) + i END];
            EXIT WHEN condition IS NULL; -- a word nobody uses: no name has a variant of every word
            every_word := every_word || condition;
        END LOOP;
        CONTINUE WHEN cardinality(every_word) < cardinality(words);
        organizations := organizations || format(' UNION (SELECT c.id FROM registry.organizations c WHERE %s LIMIT 50)',
            array_to_string(every_word, ' AND '));
        reservations := reservations || format(
            ' UNION (SELECT c.id FROM registry.name_reservations c WHERE %s AND c.consumed_at IS NULL AND c.expires_at > $3 LIMIT 50)',
            array_to_string(every_word, ' AND '));
    END LOOP;

    RETURN QUERY EXECUTE format($sql$
        SELECT m.name_ar, m.name_latin, m.registration_number, m.reserved, m.similarity FROM (
            SELECT o.name_ar::text, o.name_latin::text, o.registration_number::text, false AS reserved,
                   greatest(CASE WHEN $1 <> '' THEN similarity(o.normalized_name_ar, $1) ELSE 0 END,
                            CASE WHEN $2 <> '' THEN similarity(o.normalized_name_latin, $2) ELSE 0 END)::float8 AS similarity
            FROM registry.organizations o
            WHERE o.id IN (%1$s)
            UNION ALL
            SELECT r.name_ar::text, r.name_latin::text, NULL, true,
                   greatest(CASE WHEN $1 <> '' THEN similarity(r.normalized_ar, $1) ELSE 0 END,
                            CASE WHEN $2 <> '' THEN similarity(r.normalized_latin, $2) ELSE 0 END)::float8
            FROM registry.name_reservations r
            WHERE r.id IN (%2$s) AND r.consumed_at IS NULL AND r.expires_at > $3
        ) AS m
        WHERE m.similarity >= $4
        ORDER BY m.similarity DESC, m.registration_number NULLS LAST
        LIMIT $5
        $sql$, organizations, reservations)
        USING for_ar, for_latin, as_of, threshold, max_matches;
END
$$;
