"""Small generated legal texts for pipeline and CLI tests."""

from __future__ import annotations

SPANISH_LAW = """LEY N° 27.999

MIGRACIONES Y PROTECCIÓN DE PERSONAS MIGRANTES

El Senado y Cámara de Diputados de la Nación Argentina reunidos en Congreso sancionan con fuerza de Ley:

CAPÍTULO I
Disposiciones generales

ARTÍCULO 1°.- El derecho a la migración es esencial e inalienable de la persona y la República Argentina lo garantiza sobre la base de los principios de igualdad y universalidad.

ARTÍCULO 2°.- Las personas migrantes tienen derecho a la reunificación familiar con sus padres, cónyuges e hijos.

CAPÍTULO II
De la trata de personas

ARTÍCULO 3°.- El Estado protegerá a las víctimas de trata de personas y de tráfico ilícito de migrantes, conforme al artículo 1 de esta ley.

ARTÍCULO 4°.- Comuníquese al Poder Ejecutivo.

DADA EN LA SALA DE SESIONES DEL CONGRESO ARGENTINO, EN BUENOS AIRES, A LOS DIECISIETE DÍAS DEL MES DE DICIEMBRE DEL AÑO DOS MIL VEINTE.
"""

ENGLISH_TREATY = """CONVENTION ON THE PROTECTION OF DOMESTIC WORKERS

The General Conference of the International Labour Organization,

Having been convened at Geneva on 1 June 2011, adopts this sixteenth day of June of the year two thousand and eleven the following Convention.

Article 1

For the purpose of this Convention the term domestic work means work performed in or for a household or households, including the work of migrant domestic workers.

Article 2

Each Member shall take measures to ensure that domestic workers enjoy effective protection against all forms of abuse, harassment and violence.
"""
