-- The public search finds a Latin name in another of its usual transliterations (issue 3, SPEC §7: typo-tolerant).
-- Arabic names are written in Latin letters in several ways at once: a vowel as e or a (El Fellah, Al Falah), o or ou
-- (Mostakbal, Moustakbal), a consonant doubled or not (Ettakaddoum, Attakadoum), a final e or not (Ihsane, Ihssane).
-- Two such differences in one word put it two letters away from the registered one, past the one-letter typos the
-- word list finds, and "el fellah" found nothing against «Coopérative Al Falah». Every Latin word of four letters or
-- more now also has a spelling key (registry.latin_spelling: e read as a, o as u, y as i, q as k, doubled letters
-- once, a final a dropped from five letters on), and in tier 1 a query word is also matched by the known words of the
-- same key: a primary-key look-up in registry.latin_spellings, kept with the word list. The key is strict (on a
-- million generated names, 21,364 words have 20,602 keys), so it adds few candidates; the similar-name check does not
-- use it.

-- The spelling key of a Latin word of four letters or more; null for any other word.
CREATE FUNCTION registry.latin_spelling(word text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN word ~ '^[a-z]{4,}$' THEN
        regexp_replace(regexp_replace(replace(translate(word, 'eoyq', 'auik'), 'uu', 'u'), '(.)\1+', '\1', 'g'), '(.{4,})a$', '\1')
    END
$$;

CREATE TABLE registry.latin_spellings (
    spelling text NOT NULL,
    word text NOT NULL,
    PRIMARY KEY (spelling, word)
);

INSERT INTO registry.latin_spellings (spelling, word)
SELECT registry.latin_spelling(w.word), w.word FROM registry.name_words w
WHERE registry.latin_spelling(w.word) IS NOT NULL
ORDER BY 1, 2;

-- As before (ShortWordTypos), and each new Latin word also under its spelling key.
CREATE OR REPLACE FUNCTION registry.name_words_add(words text[]) RETURNS void
LANGUAGE sql AS $$
    WITH added AS (
        INSERT INTO registry.name_words (word)
        SELECT DISTINCT w FROM unnest(words) AS t(w) WHERE w <> '' ORDER BY w
        ON CONFLICT DO NOTHING
        RETURNING word),
    spellings AS (
        INSERT INTO registry.latin_spellings (spelling, word)
        SELECT registry.latin_spelling(a.word), a.word FROM added a
        WHERE registry.latin_spelling(a.word) IS NOT NULL ORDER BY 1, 2
        ON CONFLICT DO NOTHING),
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
    TRUNCATE registry.name_word_deletions, registry.short_word_deletions, registry.latin_spellings, registry.name_words;
    SELECT registry.name_words_add(array(SELECT w FROM registry.organizations, unnest(search_words) AS t(w)
                                         UNION SELECT w FROM registry.name_reservations, unnest(search_words) AS t(w) WHERE consumed_at IS NULL));
$$;

-- As before (SearchSqlWrittenOnce), with the Latin spelling key in tier 1.
-- One page of the public search (SearchOrganizationsHandler). query: the normalised query; arabic: which normalised
-- name it is compared with; query_words: its distinct words (at most six). The filters are those of the list, null
-- when not asked for (name_pattern: an ILIKE pattern on either name). after_*: the cursor (score, number, tier of the
-- last row of the previous page, and whether it was ranked), null for the first page.
-- Tiers, each tried only when the one before found nothing: 0, the organisations having every word; 1, those
-- having, for every word, one of its variants (registry.word_variants, with completions; the word run together with
-- the word before or after it; "al" for "el" and back; the known words of its Latin spelling key) or the two known
-- words it splits into; 2, those having such a variant of the longest word that has any. At most 100 candidates, plus the organisations whose normalised name is the
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
    query_word text;
    variants text[];
    alternatives text[];
    every_word text[] := '{}';
    longest text;
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
                query_word := query_words[expanded.word_number];
                -- the word run together with its neighbour, as some names are written ("al amal" for Alamal), and the
                -- Latin article's other spelling ("el amal" for Al Amal)
                variants := expanded.variants || array(
                    SELECT k.word FROM registry.name_words k
                    WHERE k.word = ANY (ARRAY[query_words[expanded.word_number - 1] || query_word,
                                              query_word || query_words[expanded.word_number + 1],
                                              registry.other_article_spelling(query_word)])
                      AND k.word <> ALL (expanded.variants)
                    UNION
                    -- the word's other usual Latin spellings ("el fellah" for Al Falah, "ettakaddoum" for Attakadoum)
                    SELECT s.word FROM registry.latin_spellings s
                    WHERE s.spelling = registry.latin_spelling(query_word) AND s.word <> ALL (expanded.variants));
                alternatives := CASE WHEN cardinality(variants) > 0 THEN ARRAY[format('o.search_words && %L::text[]', variants)] ELSE '{}' END;
                -- the word split into two known words, as other names are written ("alamal" for Al Amal, "elamal" too)
                alternatives := alternatives || array(
                    SELECT format('o.search_words @> %L::text[]', ARRAY[l.word, r.word])
                    FROM generate_series(2, length(query_word) - 2) AS n
                    JOIN registry.name_words l
                      ON l.word = ANY (ARRAY[left(query_word, n), registry.other_article_spelling(left(query_word, n))])
                    JOIN registry.name_words r ON r.word = substr(query_word, n + 1)
                    ORDER BY n, l.word
                    LIMIT 4);
                IF cardinality(alternatives) > 0 THEN
                    every_word := every_word || ('(' || array_to_string(alternatives, ' OR ') || ')');
                    IF length(query_word) > longest_length THEN
                        longest := every_word[cardinality(every_word)];
                        longest_length := length(query_word);
                    END IF;
                END IF;
            END LOOP;
            EXIT WHEN cardinality(every_word) = 0;
            conditions[2] := array_to_string(every_word, ' AND ');
        ELSIF tier_number = 2 THEN
            EXIT WHEN cardinality(every_word) = 1;
            conditions[3] := longest;
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

