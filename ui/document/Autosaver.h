// Autosaver: protects unsaved work. Every interval, while the document has unsaved changes, it writes the
// workspace to a recovery file in the application data folder, plus the path of the file it belongs to.
// The write goes through WorkspaceWriter::writeRecoveryFile: kept even in the middle of an edit a save
// would refuse, and never with a literal secret.
//
// Each running studio has recovery files of its own, held with a lock file while it runs, so two windows
// never overwrite or offer each other's work. The files go when the document becomes clean (saved,
// reverted, reopened) or the studio closes normally. Files whose lock is free were left by a studio that
// didn't close normally: the next start takes them over and offers them back.
#pragma once

#include <QObject>

#include <memory>
#include <optional>

class QLockFile;
class QTimer;

namespace AuthStudio {

class WorkspaceDocument;

class Autosaver : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultIntervalSeconds = 60;

    explicit Autosaver(WorkspaceDocument *document, QObject *parent = nullptr);
    ~Autosaver() override;

    void setIntervalSeconds(int seconds);
    int intervalSeconds() const;
    // Tests point this at a temporary folder; defaults to QStandardPaths::AppDataLocation.
    void setDirectory(const QString &directory);
    QString directory() const { return m_directory; }

    // This studio's own recovery file, and whether it has written it.
    QString recoveryFilePath() const;
    bool hasRecovery() const;

    struct RecoveryOrigin
    {
        QString path; // the file the recovered workspace belongs to; empty if never saved
        QString workspaceName; // to tell an unsaved workspace by (empty if unknown)
    };
    struct LeftRecovery
    {
        QString filePath;
        RecoveryOrigin origin;
    };
    // The newest recovery left by a studio that didn't close normally; with `forFile`, only one of that
    // file. It is taken over: no other studio starting meanwhile offers it too. Restore it, then discard it.
    std::optional<LeftRecovery> takeOverLeftRecovery(const QString &forFile = {});
    void discardTakenOverRecovery();

    // Writes the recovery file now (when there are unsaved changes); false when the write failed.
    bool saveNow();
    void discardRecovery();
    QString errorString() const { return m_errorString; }

Q_SIGNALS:
    void autosaved(const QString &recoveryPath);
    void autosaveFailed(const QString &reason);

private:
    struct Files
    {
        QString workspace;
        QString origin;
        QString lock;
    };
    Files filesOf(const QString &id) const;
    void onModifiedChanged(bool modified);

    WorkspaceDocument *m_document;
    QTimer *m_timer;
    QString m_directory;
    QString m_errorString;
    QString m_id; // names this studio's files
    std::unique_ptr<QLockFile> m_lock; // held while this studio's recovery file exists
    QString m_takenOverId;
    std::unique_ptr<QLockFile> m_takenOverLock;
};

} // namespace AuthStudio
