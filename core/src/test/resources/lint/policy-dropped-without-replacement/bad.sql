-- expect: policy-dropped-without-replacement@2
drop policy "owners read" on public.orders;
