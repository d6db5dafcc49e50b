#include "render/mapstyle.h"

#include <array>

namespace sv::mapstyle {

QColor regionFill(int index) {
  static const std::array<QColor, 9> fills = {
      QColor(0xf6, 0xe8, 0xc3), QColor(0xd9, 0xea, 0xd3), QColor(0xe8, 0xdc, 0xee),
      QColor(0xfb, 0xdd, 0xc9), QColor(0xd2, 0xe4, 0xee), QColor(0xef, 0xef, 0xd0),
      QColor(0xe3, 0xd7, 0xc7), QColor(0xd6, 0xe6, 0xe1), QColor(0xf3, 0xd9, 0xdc),
  };
  return fills[static_cast<std::size_t>(index) % fills.size()];
}

double placeVisibilityResolution(PlaceClass placeClass) {
  switch (placeClass) {
    case PlaceClass::Capital:
    case PlaceClass::RegionalCapital:
    case PlaceClass::OfInterest: return MapSettings::kMaxMetresPerPixel * 2;
    case PlaceClass::CercleSeat: return 1800.0;
    case PlaceClass::Populated: return 900.0;
    case PlaceClass::Village: return 400.0;
  }
  return 0.0;
}

QFont mapFont(int pixelSize) {
  QFont font(QStringLiteral("DejaVu Sans"));
  font.setPixelSize(pixelSize);
  // Unhinted outlines: labels scale smoothly and render the same every time.
  font.setHintingPreference(QFont::PreferNoHinting);
  return font;
}

QFont placeFont(PlaceClass placeClass) {
  QFont font = mapFont(10);
  switch (placeClass) {
    case PlaceClass::Capital:
      font.setPixelSize(15);
      font.setBold(true);
      break;
    case PlaceClass::RegionalCapital:
      font.setPixelSize(13);
      font.setBold(true);
      break;
    case PlaceClass::OfInterest: font.setPixelSize(12); break;
    case PlaceClass::CercleSeat: font.setPixelSize(11); break;
    case PlaceClass::Populated:
    case PlaceClass::Village: break;
  }
  return font;
}

QFont regionFont() {
  QFont font = mapFont(13);
  font.setCapitalization(QFont::AllUppercase);
  font.setLetterSpacing(QFont::AbsoluteSpacing, 1.5);
  return font;
}

QFont countryFont() {
  QFont font = mapFont(15);
  font.setItalic(true);
  font.setCapitalization(QFont::AllUppercase);
  font.setLetterSpacing(QFont::AbsoluteSpacing, 2.0);
  return font;
}

double placeSymbolRadius(PlaceClass placeClass) {
  switch (placeClass) {
    case PlaceClass::Capital: return 5.0;
    case PlaceClass::RegionalCapital: return 4.5;
    case PlaceClass::OfInterest:
    case PlaceClass::CercleSeat: return 3.0;
    case PlaceClass::Populated:
    case PlaceClass::Village: return 2.0;
  }
  return 2.0;
}

} // namespace sv::mapstyle
