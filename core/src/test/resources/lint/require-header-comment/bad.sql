create schema if not exists app;
-- expect: require-header-comment@1
