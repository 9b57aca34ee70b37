SELECT id, name, created_at
FROM tenant
ORDER BY id
