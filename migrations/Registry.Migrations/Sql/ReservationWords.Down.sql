DROP TRIGGER IF EXISTS name_words_reservations_inserted ON registry.name_reservations;
CREATE OR REPLACE FUNCTION registry.name_words_rebuild() RETURNS void
LANGUAGE sql AS $$
    TRUNCATE registry.name_word_deletions, registry.name_words;
    SELECT registry.name_words_add(array(SELECT DISTINCT w FROM registry.organizations, unnest(search_words) AS t(w)));
$$;
