select 'one'
'; two' as continued;
select E'a\''
  -- a comment between the two halves; still one literal
'\'; b' as escaped_continued;
select 'x' || ';' as concatenated;
