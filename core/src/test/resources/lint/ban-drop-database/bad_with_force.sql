-- expect: ban-drop-database@2
DROP DATABASE "staging" WITH (FORCE);
