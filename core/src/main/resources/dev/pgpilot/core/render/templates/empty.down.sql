-- Down: reverts {{name}}

