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
        QString text = parser.errorText();
        // Qt names an unknown option without its dashes ("Unknown option 'path'"), which reads as if a
        // word were wrong rather than an option (QA pass 47): it is named as it was typed.
        if (const QStringList unknown = parser.unknownOptionNames(); !unknown.isEmpty()) {
            QStringList typed;
            for (const QString &name : unknown) {
                QString shown = (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
                for (const QString &argument : arguments.mid(1)) {
                    const QString option = argument.section(QLatin1Char('='), 0, 0);
                    if (option == QStringLiteral("--") + name || option == QStringLiteral("-") + name) {
                        shown = option;
                        break;
                    }
                }
                typed.append(QStringLiteral("'%1'").arg(shown));
            }
            text = (typed.size() == 1 ? QStringLiteral("Unknown option %1.")
                                      : QStringLiteral("Unknown options: %1."))
                       .arg(typed.join(QStringLiteral(", ")));
            text += QStringLiteral(" '%1 --help' lists the options.").arg(arguments.constFirst());
        }
        err(text);
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
