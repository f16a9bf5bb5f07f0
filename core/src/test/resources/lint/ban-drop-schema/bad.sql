-- expect: ban-drop-schema@2
drop schema analytics;
