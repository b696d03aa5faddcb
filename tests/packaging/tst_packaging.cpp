// The desktop integration files in packaging/ agree with each other: the file types the .desktop file
// says the studio opens are defined by the shared-mime-info package installed beside it (QA pass 40: the
// .desktop file named a type nothing defined, so file managers never offered the studio), and workspace
// files are recognised by name as that type.
#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString Packaging = QStringLiteral(AUTHSTUDIO_SOURCE_DIR "/packaging/");

QStringList desktopEntry(const QString &key)
{
    QFile file(Packaging + QStringLiteral("dev.authstudio.AuthStudio.desktop"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString prefix = key + QLatin1Char('=');
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QString text = QString::fromUtf8(line).trimmed();
        if (text.startsWith(prefix))
            return text.mid(prefix.size()).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    }
    return {};
}

} // namespace

class TestPackaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The package's file where shared-mime-info's packages go, found first: what an installed
        // studio's system has.
        QVERIFY(m_data.isValid());
        QVERIFY(QDir(m_data.path()).mkpath(QStringLiteral("mime/packages")));
        QVERIFY(QFile::copy(Packaging + QStringLiteral("dev.authstudio.AuthStudio.mime.xml"),
                            m_data.filePath(QStringLiteral("mime/packages/dev.authstudio.AuthStudio.xml"))));
        const QString system =
            qEnvironmentVariable("XDG_DATA_DIRS", QStringLiteral("/usr/local/share:/usr/share"));
        qputenv("XDG_DATA_DIRS", (m_data.path() + QLatin1Char(':') + system).toUtf8());
    }

    // README begins with the two commands for a fresh machine, and CI runs the second; its text is
    // Markdown, not something a code formatter has been over (QA pass 48: clang-format turned the title
    // into '#Auth Studio' and each {{ NAME }} into six lines of braces).
    void readmeStartsWithTheTwoCommands()
    {
        QFile readme(QStringLiteral(AUTHSTUDIO_SOURCE_DIR "/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(readme.readAll()).split(QLatin1Char('\n'));
        QVERIFY(lines.size() > 6);
        QCOMPARE(lines.at(0), QStringLiteral("# Auth Studio"));
        QCOMPARE(lines.at(2), QStringLiteral("```sh"));
        QVERIFY2(lines.at(3).startsWith(QStringLiteral("./dev.sh studio ")), qPrintable(lines.at(3)));
        QVERIFY2(lines.at(4).startsWith(QStringLiteral("./dev.sh test ")), qPrintable(lines.at(4)));
        QCOMPARE(lines.at(5), QStringLiteral("```"));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString line = lines.at(i).trimmed();
            QVERIFY2(line != QLatin1String("{") && line != QLatin1String("}") &&
                         !line.contains(QLatin1String("authstudio - cli")),
                     qPrintable(QStringLiteral("README.md:%1: %2").arg(i + 1).arg(line)));
        }

        QFile ci(QStringLiteral(AUTHSTUDIO_SOURCE_DIR "/.ci/run"));
        QVERIFY(ci.open(QIODevice::ReadOnly));
        QVERIFY(ci.readAll().contains("exec ./dev.sh test\n"));
    }

    void desktopFileTypesAreDefined()
    {
        const QStringList types = desktopEntry(QStringLiteral("MimeType"));
        QVERIFY(!types.isEmpty());
        QMimeDatabase database;
        for (const QString &type : types) {
            const QMimeType defined = database.mimeTypeForName(type);
            QVERIFY2(defined.isValid(), qPrintable(type + QStringLiteral(" is defined by no MIME package")));
            QVERIFY2(defined.inherits(QStringLiteral("application/json")), qPrintable(type));
        }
    }

    void filesAreRecognisedByName()
    {
        QMimeDatabase database;
        QCOMPARE(
            database.mimeTypeForFile(QStringLiteral("api.authstudio.json"), QMimeDatabase::MatchExtension)
                .name(),
            QStringLiteral("application/x-authstudio-workspace+json"));
        QCOMPARE(database
                     .mimeTypeForFile(QStringLiteral("api.authstudio-resource.json"),
                                      QMimeDatabase::MatchExtension)
                     .name(),
                 QStringLiteral("application/x-authstudio-resource+json"));
        QCOMPARE(database.mimeTypeForFile(QStringLiteral("other.json"), QMimeDatabase::MatchExtension).name(),
                 QStringLiteral("application/json"));
    }

    void iconIsTheInstalledOne()
    {
        const QStringList icon = desktopEntry(QStringLiteral("Icon"));
        QCOMPARE(icon.size(), 1);
        QVERIFY(QFile::exists(Packaging + icon.first() + QStringLiteral(".svg")));
    }

private:
    QTemporaryDir m_data;
};

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
