// WorkspaceReader: reads a workspace file. It checks the format name and version first, refuses newer
// versions, reads strictly (unknown keys and wrong types are errors) and reports the first problem as a
// FormatError with the file, the place and the reason (and, see errors(), every other one). Reading never
// executes anything in the file.
#pragma once

#include "FormatError.h"
#include "model/Workspace.h"

#include <QList>

#include <optional>

namespace AuthStudio {

class WorkspaceReader
{
public:
    std::optional<Workspace> readFile(const QString &path);
    // fileName is only used in error messages.
    std::optional<Workspace> read(const QByteArray &data, const QString &fileName = {});
    // Reads one resource exported on its own (an "authstudio-resource" file).
    std::optional<Resource> readResource(const QByteArray &data, const QString &fileName = {});
    // Reads what WorkspaceWriter::writeRecoveryFile wrote: the file's shape is checked as strictly, but
    // not the workspace rules (unique names, valid bodies) that work in the middle of an edit may break.
    std::optional<Workspace> readRecoveryFile(const QString &path);
    // The same shape check for bytes already read, the rules left out: what a file that breaks them would
    // hold (validate still warns of names it doesn't define).
    std::optional<Workspace> readWithoutRules(const QByteArray &data, const QString &fileName = {});

    // Whether the bytes say they are a resource export; anything else is read as a workspace, whose reader
    // says what is wrong with it.
    static bool isResourceExport(const QByteArray &data);

    // The bytes of a file, pipe or /dev/stdin, read to the end but no further than maxFileSize: a
    // device that never ends (/dev/zero, a wrong path in a script) fails with a FormatError naming
    // the file instead of filling the memory.
    std::optional<QByteArray> readBytes(const QString &path);
    static constexpr qint64 maxFileSize = 64 * 1024 * 1024;

    FormatError error() const { return m_error; }
    // Every problem of the last read, error() first, so that one pass can fix them all: that one alone
    // when the file isn't JSON or its format or version is wrong (reading stops there); else every key
    // and value the format refuses (unknown keys, wrong types and values; at most 100), in reading order;
    // else, when its shape is right, every workspace rule it breaks.
    QList<FormatError> errors() const { return m_errors; }

private:
    enum class Rules { Apply, Skip };
    std::optional<Workspace> readWorkspaceFile(const QString &path, Rules rules);
    std::optional<Workspace> readWorkspace(const QByteArray &data, const QString &fileName, Rules rules);

    // Sets m_error and m_errors from the rules a read workspace breaks; false when it breaks none.
    bool failOnProblems(const QList<FormatError> &problems);

    FormatError m_error;
    QList<FormatError> m_errors;
};

} // namespace AuthStudio
