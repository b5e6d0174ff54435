-- 0013: HSDS requires metadata.previous_value and replacement_value, and a tabular package reads an empty cell as
-- missing, so a change record written with "" (a field set for the first time, or cleared) made every export
-- refuse to import again. Such sides now read "(none)", as the directory editor writes them from now on.
UPDATE directory_metadata SET previous_value = '(none)' WHERE previous_value = '';
UPDATE directory_metadata SET replacement_value = '(none)' WHERE replacement_value = '';
