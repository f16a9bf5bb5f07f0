-- this migration was intentionally left empty;
/* nothing; /* here */ */
