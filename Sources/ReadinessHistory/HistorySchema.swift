/// The history database's schema: the `application_id` that marks a file as a Readiness history,
/// and the migrations that bring a file from any older `user_version` to the current one.
enum HistorySchema {
    /// `RDYH` in ASCII: marks the file as a Readiness history (`PRAGMA application_id`).
    static let applicationID = 0x5244_5948

    /// The schema version this build writes and reads (`PRAGMA user_version`).
    static var currentVersion: Int { migrations.count }

    /// `migrations[n]` brings version n to n + 1. Never edit one that has shipped: add another.
    static let migrations: [String] = [
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE assessment (
            id INTEGER PRIMARY KEY,
            project TEXT,
            as_of TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            snapshot TEXT NOT NULL,
            snapshot_sha256 TEXT NOT NULL,
            rulesets_sha256 TEXT NOT NULL,
            verdict TEXT NOT NULL,
            strict INTEGER NOT NULL,
            readiness REAL NOT NULL,
            coverage REAL NOT NULL,
            exposure INTEGER NOT NULL,
            UNIQUE (snapshot_sha256, as_of, rulesets_sha256)
        );
        CREATE INDEX assessment_by_project ON assessment (project, as_of);
        CREATE TABLE input (
            assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
            position INTEGER NOT NULL, kind TEXT NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL,
            PRIMARY KEY (assessment_id, position)
        ) WITHOUT ROWID;
        CREATE TABLE area (
            assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
            position INTEGER NOT NULL, name TEXT NOT NULL, readiness REAL NOT NULL, coverage REAL NOT NULL,
            exposure INTEGER NOT NULL, status TEXT,
            PRIMARY KEY (assessment_id, position)
        ) WITHOUT ROWID;
        CREATE TABLE phase (
            assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
            position INTEGER NOT NULL, name TEXT NOT NULL, decision TEXT NOT NULL, status TEXT,
            split_from TEXT, scope TEXT NOT NULL,
            PRIMARY KEY (assessment_id, position)
        ) WITHOUT ROWID;
        CREATE TABLE finding (
            assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
            position INTEGER NOT NULL, rule TEXT NOT NULL, subject TEXT, status TEXT NOT NULL,
            severity TEXT NOT NULL, action TEXT NOT NULL, category TEXT NOT NULL, message TEXT NOT NULL,
            file TEXT, line INTEGER, column INTEGER,
            PRIMARY KEY (assessment_id, position)
        ) WITHOUT ROWID;
        CREATE TABLE waiver (
            assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
            position INTEGER NOT NULL, state TEXT NOT NULL, rule TEXT NOT NULL, subject TEXT,
            reason TEXT NOT NULL, approved_by TEXT NOT NULL, expires TEXT NOT NULL, count INTEGER NOT NULL,
            PRIMARY KEY (assessment_id, position)
        ) WITHOUT ROWID;
        """
    ]
}
