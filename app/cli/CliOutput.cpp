#include "CliOutput.h"

#include "script/VisibleText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

std::optional<int> CliOutput::parse(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments)) {
        err(parser.errorText());
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // QCommandLineParser names the program by its path; the usage line names the command to type.
        QString help = parser.helpText();
        const QString program = QCoreApplication::arguments().constFirst();
        if (help.startsWith(QStringLiteral("Usage: ") + program))
            help.replace(7, program.size(), arguments.constFirst());
        out(help);
        return Success;
    }
    return std::nullopt;
}

void CliOutput::addHelpOption(QCommandLineParser &parser)
{
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Displays this help.")});
}

QString CliOutput::printable(const QString &text)
{
    // What a server or a script wrote reaches the terminal here: an escape sequence in it would be run by
    // the terminal (recolour, move the cursor, overwrite the line above, set the window title), and a bare
    // CR would overwrite the line it is on (QA pass 24).
    return AuthStudio::VisibleText::of(text);
}

void CliOutput::out(const QString &line)
{
    const QByteArray bytes = printable(line).toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void CliOutput::err(const QString &line)
{
    const QByteArray bytes = printable(line).toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void CliOutput::json(const QJsonValue &document)
{
    const QByteArray bytes = document.isArray()
        ? QJsonDocument(document.toArray()).toJson(QJsonDocument::Indented)
        : QJsonDocument(document.toObject()).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

QString CliOutput::duration(qint64 ns)
{
    if (ns >= 1000000000LL)
        return QStringLiteral("%1 s").arg(double(ns) / 1e9, 0, 'f', 2);
    return QStringLiteral("%1 ms").arg(double(ns) / 1e6, 0, 'f', 1);
}
