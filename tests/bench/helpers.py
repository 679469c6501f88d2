"""A tiny generated corpus for the bench smoke tests (no real documents needed)."""

from __future__ import annotations

from pathlib import Path

SENTENCES = {
    "es": [
        "Toda persona migrante tiene derecho a la salud y a la educación en el país.",
        "El Estado garantizará el derecho a la reunificación familiar de los migrantes.",
        "La trata de personas será castigada con prisión de cuatro a diez años.",
        "Las trabajadoras del hogar tienen derecho a un descanso semanal de la jornada.",
    ],
    "en": [
        "Every migrant worker shall have the right to equal treatment in employment.",
        "The State shall protect the victims of trafficking in persons and their families.",
        "The Minister may issue a temporary resident permit to a foreign national in need.",
    ],
    "pt": [
        "Todo trabalhador migrante tem direito a igualdade de tratamento no emprego.",
        "A lei punirá qualquer forma de violência doméstica e familiar contra a mulher.",
    ],
    "fr": [
        "Le regroupement familial est un droit de la personne étrangère résidant en France.",
        "La traite des êtres humains est punie de sept ans d'emprisonnement et d'une amende.",
    ],
}


def write_corpus(root: Path) -> Path:
    """A corpus folder with ``catalog.csv`` and one Markdown file per language."""
    (root / "docs" / "xx").mkdir(parents=True)
    rows = ["path,title,country,language"]
    for lang, sentences in SENTENCES.items():
        path = f"docs/xx/doc-{lang}.md"
        text = "---\ntitle: x\n---\n# Heading\n\n" + "\n\n".join(sentences * 3)
        (root / path).write_text(text, encoding="utf-8")
        rows.append(f"{path},Doc {lang},XX,{lang}")
    (root / "catalog.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root
