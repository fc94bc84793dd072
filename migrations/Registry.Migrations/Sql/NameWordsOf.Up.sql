-- The distinct words of both normalised names: organizations.search_words is generated from it (issue 3).
CREATE FUNCTION registry.name_words_of(normalized_ar text, normalized_latin text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array(SELECT DISTINCT w
                 FROM unnest(string_to_array(coalesce(normalized_ar, '') || ' ' || coalesce(normalized_latin, ''), ' ')) AS t(w)
                 WHERE w <> '' ORDER BY w)
$$;
