-- A typo in a word of three letters is found (issue 3, SPEC §7: typo-tolerant): سوص did not find سوس, nor "nur" "nour"
-- when the name had no longer word to fall back on, because only words of four letters or more were listed under their
-- one-letter deletions. Words of three letters now are too: a query word then meets the registered words one letter
-- changed, missing or extra (three-letter words share a two-letter deletion; a two-letter word is its own). Words of
-- one or two letters stay listed as themselves only: one letter off, they would match most short words.
-- The search and the similar-name check read the list as before; only its content grows (three-letter words are few).

CREATE OR REPLACE FUNCTION registry.word_deletions(word text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT array(SELECT word
                 UNION
                 SELECT overlay(word PLACING '' FROM i FOR 1) FROM generate_series(1, length(word)) AS i WHERE length(word) >= 3)
$$;

INSERT INTO registry.name_word_deletions (deletion, word)
SELECT DISTINCT d, w.word FROM registry.name_words w, unnest(registry.word_deletions(w.word)) AS d
WHERE length(w.word) = 3
ORDER BY 1, 2
ON CONFLICT DO NOTHING;
