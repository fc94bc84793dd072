-- Back to listing only words of four letters or more under their deletions (NameWords).
CREATE OR REPLACE FUNCTION registry.word_deletions(word text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT array(SELECT word
                 UNION
                 SELECT overlay(word PLACING '' FROM i FOR 1) FROM generate_series(1, length(word)) AS i WHERE length(word) >= 4)
$$;

DELETE FROM registry.name_word_deletions WHERE length(word) = 3 AND deletion <> word;
