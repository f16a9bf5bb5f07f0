-- Migration: {{name}}
-- Purpose: TODO describe the change and why it is needed
-- Created: {{created}}
-- Down: see the .down.sql file beside this one

