-- expect: manifest-unknown-object@2
create type private.order_status as enum ('new');
