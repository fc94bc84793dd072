-- The public search and the similar-name check, each one statement (issue 3, SPEC §4): the client used to send three
-- to five (the planning mode, the word expansion, one page per tier), and each statement cost a round trip and the
-- client's CPU. Every data statement below is dynamic SQL (EXECUTE), so it is planned for its words every time: how
-- common a word is decides between reading the table in order (a common word) and the GIN index (a rare one), which
-- a cached generic plan, made without the words, cannot. Words reach the statements as quoted literals (%L).

-- For each word (its number in words), the known words it may have been meant as: the words within one letter of it
-- (a letter missing, extra or changed: the two share a deletion, see registry.word_deletions) and, with completions,
-- the twenty shortest words it starts and the twenty shortest it is part of (from three letters). Empty when nobody
-- uses such a word. One statement for all the words.
CREATE FUNCTION registry.word_variants(words text[], completions boolean) RETURNS TABLE (word_number integer, variants text[])
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

-- One page of the public search (SearchOrganizationsHandler). query: the normalised query; arabic: which normalised
-- name it is compared with; query_words: its distinct words (at most six). The filters are those of the list, null
-- when not asked for (name_pattern: an ILIKE pattern on either name). after_*: the cursor (score, number and tier
-- of the last row of the previous page), null for the first page.
-- Tiers, each tried only when the one before found nothing: 0, the organisations having every word; 1, those
-- having, for every word, one of its variants (registry.word_variants, with completions); 2, those having a variant
-- of the longest word that has any. At most 100 candidates, plus the organisations whose normalised name is the
-- query, are ranked by trigram similarity, best first.
CREATE FUNCTION registry.search_organizations(
    query text, arabic boolean, query_words text[],
    in_region text, in_province text, of_legal_form text, in_sector text, of_status text, name_pattern text,
    after_score float8, after_number text, after_tier integer, page_size integer)
RETURNS TABLE (score float8, registration_number text, legal_form text, name_ar text, name_latin text,
               sector_code text, province_code text, region_code text, status text, tier integer)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    name_column text := CASE WHEN arabic THEN 'normalized_name_ar' ELSE 'normalized_name_latin' END;
    filters text := concat(
        CASE WHEN in_region IS NOT NULL THEN ' AND o.region_code = $1' END,
        CASE WHEN in_province IS NOT NULL THEN ' AND o.province_code = $2' END,
        CASE WHEN of_legal_form IS NOT NULL THEN ' AND o.legal_form = $3' END,
        CASE WHEN in_sector IS NOT NULL THEN ' AND o.sector_code = $4' END,
        CASE WHEN of_status IS NOT NULL THEN ' AND o.status = $5' END,
        CASE WHEN name_pattern IS NOT NULL THEN ' AND (o.name_ar ILIKE $6 OR o.name_latin ILIKE $6)' END);
    -- %1$s the tier, %2$I the normalised name, %3$s how candidates are found, %4$s the filters
    page text := $sql$
        SELECT c.score, c.registration_number, c.legal_form, c.name_ar, c.name_latin, c.sector_code, c.province_code,
               c.region_code, c.status, %1$s
        FROM (SELECT greatest(word_similarity($7, o.%2$I), similarity(o.%2$I, $7))::float8 AS score,
                     o.registration_number::text, o.legal_form::text, o.name_ar::text, o.name_latin::text,
                     o.sector_code::text, o.province_code::text, o.region_code::text, o.status::text
              FROM registry.organizations o
              WHERE o.id IN ((SELECT o.id FROM registry.organizations o WHERE %3$s %4$s LIMIT 100)
                             UNION
                             SELECT o.id FROM registry.organizations o WHERE o.%2$I = $7 %4$s)) AS c
        WHERE $8 IS NULL OR c.score < $8 OR (c.score = $8 AND c.registration_number > $9)
        ORDER BY c.score DESC, c.registration_number
        LIMIT $10
        $sql$;
    expanded record;
    every_word text[] := '{}';
    longest text[];
    longest_length integer := 0;
BEGIN
    IF coalesce(after_tier, 0) = 0 THEN
        RETURN QUERY EXECUTE format(page, 0, name_column, format('o.search_words @> %L::text[]', query_words), filters)
            USING in_region, in_province, of_legal_form, in_sector, of_status, name_pattern, query, after_score, after_number, page_size;
        IF FOUND OR after_tier IS NOT NULL THEN
            RETURN;
        END IF;
    END IF;

    FOR expanded IN SELECT * FROM registry.word_variants(query_words, true) AS v ORDER BY v.word_number LOOP
        IF cardinality(expanded.variants) > 0 THEN
            every_word := every_word || format('o.search_words && %L::text[]', expanded.variants);
            IF length(query_words[expanded.word_number]) > longest_length THEN
                longest := expanded.variants;
                longest_length := length(query_words[expanded.word_number]);
            END IF;
        END IF;
    END LOOP;

    IF cardinality(every_word) = 0 THEN
        RETURN;
    END IF;

    IF coalesce(after_tier, 1) = 1 THEN
        RETURN QUERY EXECUTE format(page, 1, name_column, array_to_string(every_word, ' AND '), filters)
            USING in_region, in_province, of_legal_form, in_sector, of_status, name_pattern, query, after_score, after_number, page_size;
        IF FOUND OR after_tier IS NOT NULL OR cardinality(every_word) = 1 THEN
            RETURN;
        END IF;
    END IF;

    RETURN QUERY EXECUTE format(page, 2, name_column, format('o.search_words && %L::text[]', longest), filters)
        USING in_region, in_province, of_legal_form, in_sector, of_status, name_pattern, query, after_score, after_number, page_size;
END
$$;

-- The registered names and live reservations at least threshold similar to a name being reserved (NameRegister;
-- for_ar, for_latin: its normalised names, '' when it has none),
-- found through the words of the name, not by comparing every name: those having, for every word of one of its
-- normalised names, that word or a word within one letter of it (near-duplicates, a word more); and those whose
-- name is one of names_ar / names_latin (the name itself and the name less one of its words). At most 50 of each
-- kind are compared, the organisations with the same name first by number.
CREATE FUNCTION registry.similar_names(
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

-- Back to the default statistics target for the word arrays (the NameWords migration set 1000): 100 still lists the
-- ~600 most common words with their frequencies, which is what decides between the table in order and the index,
-- and planning a search's statement then reads 600 of them instead of 9,000 (0.13 ms instead of 0.53 at a million
-- organisations).
ALTER TABLE registry.organizations ALTER COLUMN search_words SET STATISTICS -1;
ANALYZE registry.organizations (search_words);
