#include "StartupPreloader.h"

#include <QBuffer>
#include <QFontDatabase>
#include <QImage>
#include <QThread>

namespace AuthStudio {

namespace {

void preload()
{
    // Populates Qt's font database; QFontDatabase is thread-safe.
    QFontDatabase::families();
    // Writing and reading one PNG makes QImageWriter and QImageReader instantiate their plugins. QImage,
    // unlike QPixmap, may be used outside the GUI thread.
    QImage pixel(1, 1, QImage::Format_ARGB32);
    pixel.fill(Qt::transparent);
    QBuffer png;
    png.open(QIODevice::WriteOnly);
    pixel.save(&png, "PNG");
    QImage::fromData(png.data(), "PNG");
}

} // namespace

StartupPreloader::StartupPreloader()
    : m_thread(QThread::create(preload))
{
    m_thread->setObjectName(QStringLiteral("StartupPreloader"));
    m_thread->start();
}

StartupPreloader::~StartupPreloader()
{
    wait();
}

void StartupPreloader::wait()
{
    m_thread->wait();
}

} // namespace AuthStudio
