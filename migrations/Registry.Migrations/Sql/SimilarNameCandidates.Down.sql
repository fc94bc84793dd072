-- Back to the similar-name check of NameSearchFunctions: candidates by every word (or a word within one letter of it)
-- and by the name or the name less one word, on the normalised names.
-- The registered names and live reservations at least threshold similar to a name being reserved (NameRegister;
-- for_ar, for_latin: its normalised names, '' when it has none),
-- found through the words of the name, not by comparing every name: those having, for every word of one of its
-- normalised names, that word or a word within one letter of it (near-duplicates, a word more); and those whose
-- name is one of names_ar / names_latin (the name itself and the name less one of its words). At most 50 of each
-- kind are compared, the organisations with the same name first by number.
CREATE OR REPLACE FUNCTION registry.similar_names(
    for_ar text, for_latin text, words_ar text[], words_latin text[], names_ar text[], names_latin text[],
    threshold float8, as_of timestamptz, max_matches integer)
RETURNS TABLE (name_ar text, name_latin text, registration_number text, reserved boolean, similarity float8)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    words text[];
    conditions text[];
    condition text;
    every_word text[];
    organizations text := format($sql$
        (SELECT o.id FROM registry.organizations o WHERE o.normalized_name_ar = ANY (%1$L::text[]) ORDER BY o.registration_number LIMIT 50)
        UNION
        (SELECT o.id FROM registry.organizations o WHERE o.normalized_name_latin = ANY (%2$L::text[]) ORDER BY o.registration_number LIMIT 50)
        $sql$, names_ar, names_latin);
    reservations text := format($sql$
        (SELECT r.id FROM registry.name_reservations r
         WHERE (r.normalized_ar = ANY (%1$L::text[]) OR r.normalized_latin = ANY (%2$L::text[])) AND r.consumed_at IS NULL AND r.expires_at > $3
         LIMIT 50)
        $sql$, names_ar, names_latin);
BEGIN
    -- for each word of both names, the condition that a name has one of its variants (null: a word nobody uses)
    SELECT array_agg(CASE WHEN cardinality(v.variants) > 0 THEN format('c.search_words && %L::text[]', v.variants) END ORDER BY v.word_number)
    INTO conditions
    FROM registry.word_variants(words_ar || words_latin, false) AS v;
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

DROP FUNCTION IF EXISTS registry.similar_word_forms(text);
DROP INDEX IF EXISTS registry.ix_organizations_compact_name_ar;
DROP INDEX IF EXISTS registry.ix_organizations_compact_name_latin;
DROP INDEX IF EXISTS registry.ix_name_reservations_compact_ar;
DROP INDEX IF EXISTS registry.ix_name_reservations_compact_latin;
