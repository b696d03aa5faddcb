// WorkspaceWriter: writes workspace (and single-resource export) files as indented JSON with stable key
// order, so files diff well. Writes are atomic through QSaveFile: a failed save leaves the old file.
#pragma once

#include "FormatError.h"
#include "model/Workspace.h"

namespace AuthStudio {

class WorkspaceWriter
{
public:
    // Fails (and writes nothing) when the workspace breaks a WorkspaceValidator rule, so a saved file
    // always loads again and no literal secret is written.
    bool writeFile(const Workspace &workspace, const QString &path);
    bool writeResourceFile(const Resource &resource, const QString &path);
    // For the autosave of unsaved work, which may be in the middle of an edit (two resources named alike,
    // a JSON body half typed): no rule is applied but the secret one, and a literal secret value is left
    // out rather than refused, so the rest of the work is kept. Read back with readRecoveryFile.
    bool writeRecoveryFile(const Workspace &workspace, const QString &path);

    static QByteArray toJson(const Workspace &workspace);
    static QByteArray resourceToJson(const Resource &resource);

    FormatError error() const { return m_error; }
    // The bytes the last successful write put in the file: what it holds now, without reading it back.
    QByteArray written() const { return m_written; }

private:
    bool save(const QByteArray &data, const QString &path);
    FormatError m_error;
    QByteArray m_written;
};

} // namespace AuthStudio
