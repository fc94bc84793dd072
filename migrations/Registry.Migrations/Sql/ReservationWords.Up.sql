-- Reservations' words join the word list (issue 3): the similar-name check finds a live reservation by a variant of
-- each of its words, as it finds organisations. The insert trigger's function reads only new_rows.search_words.
CREATE TRIGGER name_words_reservations_inserted AFTER INSERT ON registry.name_reservations
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION registry.name_words_organizations_changed();

CREATE OR REPLACE FUNCTION registry.name_words_rebuild() RETURNS void
LANGUAGE sql AS $$
    TRUNCATE registry.name_word_deletions, registry.name_words;
    SELECT registry.name_words_add(array(SELECT DISTINCT w FROM registry.organizations, unnest(search_words) AS t(w)
                                         UNION SELECT w FROM registry.name_reservations, unnest(search_words) AS t(w) WHERE consumed_at IS NULL));
$$;

SELECT registry.name_words_add(array(SELECT DISTINCT w FROM registry.name_reservations, unnest(search_words) AS t(w) WHERE consumed_at IS NULL));
