-- Back to query words matched one by one, each by its variants (SearchPagesPastTheRanked).

-- One page of the public search (SearchOrganizationsHandler). query: the normalised query; arabic: which normalised
-- name it is compared with; query_words: its distinct words (at most six). The filters are those of the list, null
-- when not asked for (name_pattern: an ILIKE pattern on either name). after_*: the cursor (score, number, tier of the
-- last row of the previous page, and whether it was ranked), null for the first page.
-- Tiers, each tried only when the one before found nothing: 0, the organisations having every word; 1, those
-- having, for every word, one of its variants (registry.word_variants, with completions); 2, those having a variant
-- of the longest word that has any. At most 100 candidates, plus the organisations whose normalised name is the
-- query, are ranked by trigram similarity, best first: the mean of how well the query matches a part of the name
-- (word_similarity) and how alike the two are whole (similarity). Then come the tier's other organisations, by
-- registration number (ranked false, score 0).
CREATE OR REPLACE FUNCTION registry.search_organizations(
    query text, arabic boolean, query_words text[],
    in_region text, in_province text, of_legal_form text, in_sector text, of_status text, name_pattern text,
    after_score float8, after_number text, after_tier integer, after_ranked boolean, page_size integer)
RETURNS TABLE (score float8, registration_number text, legal_form text, name_ar text, name_latin text,
               sector_code text, province_code text, region_code text, status text, tier integer, ranked boolean)
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
    -- Every statement below is formatted with %1$s how the tier finds organisations, %2$s the filters, %3$s the tier
    -- and %4$I the normalised name. The candidates: the tier's first 100 organisations, as the plan finds them.
    candidates text := 'WITH limited AS MATERIALIZED (SELECT o.id FROM registry.organizations o WHERE %1$s %2$s LIMIT 100) ';
    -- the ranked part: the candidates and the exact name, best first; the last column counts the candidates
    page text := $sql$
        SELECT c.score, c.registration_number, c.legal_form, c.name_ar, c.name_latin, c.sector_code, c.province_code,
               c.region_code, c.status, c.candidates
        FROM (SELECT ((word_similarity($7, o.%4$I) + similarity(o.%4$I, $7)) / 2)::float8 AS score,
                     o.registration_number::text, o.legal_form::text, o.name_ar::text, o.name_latin::text,
                     o.sector_code::text, o.province_code::text, o.region_code::text, o.status::text,
                     (SELECT count(*) FROM limited) AS candidates
              FROM registry.organizations o
              WHERE o.id IN (SELECT id FROM limited
                             UNION
                             SELECT o.id FROM registry.organizations o WHERE o.%4$I = $7 %2$s)) AS c
        WHERE $8 IS NULL OR c.score < $8 OR (c.score = $8 AND c.registration_number > $9)
        ORDER BY c.score DESC, c.registration_number
        LIMIT $10
        $sql$;
    -- the rest: the tier's other organisations, by number
    rest text := $sql$
        SELECT 0::float8, o.registration_number::text, o.legal_form::text, o.name_ar::text, o.name_latin::text,
               o.sector_code::text, o.province_code::text, o.region_code::text, o.status::text, %3$s, false
        FROM registry.organizations o
        WHERE %1$s %2$s
          AND o.%4$I IS DISTINCT FROM $7
          AND o.id NOT IN (SELECT id FROM limited)
          AND ($8::text IS NULL OR o.registration_number > $8)
        ORDER BY o.registration_number
        LIMIT $9
        $sql$;
    expanded record;
    every_word text[] := '{}';
    longest text[];
    longest_length integer := 0;
    conditions text[];
    tier_number integer;
    ranked_row record;
    shown integer;
    rest_shown integer;
    counted bigint;
BEGIN
    conditions[1] := format('o.search_words @> %L::text[]', query_words);
    FOR tier_number IN 0 .. 2 LOOP
        IF tier_number = 1 THEN
            FOR expanded IN SELECT * FROM registry.word_variants(query_words, true) AS v ORDER BY v.word_number LOOP
                IF cardinality(expanded.variants) > 0 THEN
                    every_word := every_word || format('o.search_words && %L::text[]', expanded.variants);
                    IF length(query_words[expanded.word_number]) > longest_length THEN
                        longest := expanded.variants;
                        longest_length := length(query_words[expanded.word_number]);
                    END IF;
                END IF;
            END LOOP;
            EXIT WHEN cardinality(every_word) = 0;
            conditions[2] := array_to_string(every_word, ' AND ');
        ELSIF tier_number = 2 THEN
            EXIT WHEN cardinality(every_word) = 1;
            conditions[3] := format('o.search_words && %L::text[]', longest);
        END IF;
        CONTINUE WHEN after_tier IS NOT NULL AND after_tier <> tier_number;

        shown := 0;
        rest_shown := 0;
        counted := NULL;
        IF after_ranked IS DISTINCT FROM false THEN
            FOR ranked_row IN EXECUTE format(candidates || page, conditions[tier_number + 1], filters, tier_number, name_column)
                    USING in_region, in_province, of_legal_form, in_sector, of_status, name_pattern, query,
                          after_score, after_number, page_size LOOP
                score := ranked_row.score;
                registration_number := ranked_row.registration_number;
                legal_form := ranked_row.legal_form;
                name_ar := ranked_row.name_ar;
                name_latin := ranked_row.name_latin;
                sector_code := ranked_row.sector_code;
                province_code := ranked_row.province_code;
                region_code := ranked_row.region_code;
                status := ranked_row.status;
                tier := tier_number;
                ranked := true;
                counted := ranked_row.candidates;
                shown := shown + 1;
                RETURN NEXT;
            END LOOP;
            IF shown < page_size AND counted IS NULL AND after_tier IS NOT NULL THEN
                -- the previous page ended with the last ranked row: were the candidates cut at 100?
                EXECUTE format(candidates || 'SELECT count(*) FROM limited', conditions[tier_number + 1], filters, tier_number, name_column)
                    USING in_region, in_province, of_legal_form, in_sector, of_status, name_pattern INTO counted;
            END IF;
        END IF;

        IF shown < page_size AND (after_ranked = false OR counted >= 100) THEN
            RETURN QUERY EXECUTE format(candidates || rest, conditions[tier_number + 1], filters, tier_number, name_column)
                USING in_region, in_province, of_legal_form, in_sector, of_status, name_pattern, query,
                      CASE WHEN after_ranked = false THEN after_number END, page_size - shown;
            GET DIAGNOSTICS rest_shown = ROW_COUNT;
        END IF;

        -- a tier that found something, or the cursor's tier, is the last one looked at
        EXIT WHEN shown > 0 OR rest_shown > 0 OR after_tier IS NOT NULL;
    END LOOP;
END
$$;
