INSERT INTO tenant (id, name)
VALUES (:id, :name)
ON CONFLICT (id) DO NOTHING
