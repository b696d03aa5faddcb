// Autosaver: protects unsaved work. Every interval, while the document has unsaved changes, it writes the
// workspace to a recovery file in the application data folder (through WorkspaceWriter, so the file is
// validated like any save and can't hold a literal secret), plus the path of the file it belongs to. The
// recovery file is deleted when the document becomes clean (saved, reverted, reopened) or the studio
// closes normally; one left behind means the studio didn't close normally, and is offered on start.
#pragma once

#include <QObject>

class QTimer;

namespace AuthStudio {

class WorkspaceDocument;

class Autosaver : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultIntervalSeconds = 60;

    explicit Autosaver(WorkspaceDocument *document, QObject *parent = nullptr);

    void setIntervalSeconds(int seconds);
    int intervalSeconds() const;
    // Tests point this at a temporary folder; defaults to QStandardPaths::AppDataLocation.
    void setDirectory(const QString &directory);
    QString directory() const { return m_directory; }

    QString recoveryFilePath() const;
    bool hasRecovery() const;
    struct RecoveryOrigin
    {
        QString path; // the file the recovered workspace belongs to; empty if never saved
        QString workspaceName; // to tell an unsaved workspace by (empty if unknown)
    };
    RecoveryOrigin recoveryOrigin() const;
    // Writes the recovery file now (when there are unsaved changes); false when the write failed.
    bool saveNow();
    void discardRecovery();
    QString errorString() const { return m_errorString; }

Q_SIGNALS:
    void autosaved(const QString &recoveryPath);
    void autosaveFailed(const QString &reason);

private:
    void onModifiedChanged(bool modified);
    QString originPath() const;

    WorkspaceDocument *m_document;
    QTimer *m_timer;
    QString m_directory;
    QString m_errorString;
};

} // namespace AuthStudio
