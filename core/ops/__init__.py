"""Operations tooling: backups and their restore drill."""
