-- Back to ranking at most 100 candidates and stopping there (SearchRanking).
DROP FUNCTION registry.search_organizations(text, boolean, text[], text, text, text, text, text, text, float8, text, integer, boolean, integer);

CREATE OR REPLACE FUNCTION registry.search_organizations(
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
        FROM (SELECT ((word_similarity($7, o.%2$I) + similarity(o.%2$I, $7)) / 2)::float8 AS score,
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
