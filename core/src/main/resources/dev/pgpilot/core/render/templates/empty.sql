-- Migration: {{name}}
-- Purpose: TODO describe the change and why it is needed
-- Created: {{created}}
-- Down: the .down.sql of the same name in down/

