"""The BioImage Archive's submission template BioImages.v5 as data: its sections and tables, and each field with
whether the submission tool requires it. Ported row by row from the template tree in
policy/sources/bia-bioimages-v5-template.txt (each row carries its line there; a test keeps the two equal).

`pagetab_template_problems` reads a PageTab document against it: the checks the tool makes before it accepts a
submission (required sections and fields, known attribute names, choices, references), so a generated PageTab is
tested against the template rather than against our own idea of it.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

TEMPLATE_NAME = "BioImages.v5"
TEMPLATE_COLLECTION = "BioImages"
TEMPLATE_SOURCE = "policy/sources/bia-bioimages-v5-template.txt"
STUDY = "Study"
STUDY_COMPONENT = "Study Component"
ASSOCIATIONS = "Associations"


@dataclass(frozen=True, slots=True)
class TemplateField:
    name: str  # exact and case-sensitive: the tool rejects unknown attributes
    requirement: str  # "required", "desirable", "optional", or "" in the hidden legacy sections
    control: str  # text, largetext, date, select, org, orcid, ontology, filelist, reference, idlink, pubmedid
    line: int  # its line in TEMPLATE_SOURCE
    choices: tuple[str, ...] = ()
    ontology: str = ""
    min_length: int = 0

    @property
    def required(self) -> bool:
        return self.requirement == "required"


@dataclass(frozen=True, slots=True)
class TemplateSection:
    """A section type of the template. A table's rows are sections of its name (the template's rowAsSection)."""

    name: str
    kind: str  # "section" or "table"
    display: str  # "required", "desirable" or "hidden"
    parent: str  # the section type it sits in; "" for the study, the root section
    line: int
    fields: tuple[TemplateField, ...]

    @property
    def required(self) -> bool:
        return self.display == "required"

    def field(self, name: str) -> TemplateField | None:
        return next((item for item in self.fields if item.name == name), None)


def _f(line: int, name: str, requirement: str, control: str, **extra) -> TemplateField:
    return TemplateField(name, requirement, control, line, **extra)


ROLES = (
    "corresponding author",
    "data steward",
    "data acquisition",
    "data analyst",
    "experiment performer",
    "first author",
    "investigator",
    "principal investigator",
    "software development",
    "submitter",
)
ANNOTATION_TYPES = (
    "class_labels",
    "bounding_boxes",
    "counts",
    "derived_annotations",
    "geometrical_annotations",
    "graphs",
    "point_annotations",
    "segmentation_mask",
    "tracks",
    "weak_annotations",
    "other",
)
LICENSES = ("CC0", "CC BY 4.0")

TEMPLATE_SECTIONS: tuple[TemplateSection, ...] = (
    TemplateSection(
        STUDY,
        "section",
        "required",
        "",
        5,
        (
            _f(6, "Title", "required", "largetext", min_length=25),
            _f(7, "ReleaseDate", "required", "date"),
            _f(8, "Description", "required", "largetext"),
            _f(9, "Keywords", "required", "select"),
            _f(10, "Acknowledgements", "desirable", "largetext"),
            _f(11, "License", "required", "select", choices=LICENSES),
            _f(12, "Funding statement", "desirable", "largetext"),
        ),
    ),
    TemplateSection(
        "Contact",
        "table",
        "required",
        STUDY,
        13,
        (
            _f(14, "Name", "required", "text"),
            _f(15, "E-mail", "required", "text"),
            _f(16, "Organisation", "required", "org"),
            _f(17, "Role", "optional", "select", choices=ROLES),
            _f(18, "ORCID", "desirable", "orcid"),
        ),
    ),
    TemplateSection(
        "Publication",
        "table",
        "desirable",
        STUDY,
        19,
        (
            _f(20, "Pubmed ID", "desirable", "pubmedid"),
            _f(21, "Title", "desirable", "text"),
            _f(22, "Authors", "desirable", "text"),
            _f(23, "DOI", "desirable", "text"),
            _f(24, "Year", "desirable", "text"),
        ),
    ),
    TemplateSection(
        "Link",
        "table",
        "desirable",
        STUDY,
        25,
        (_f(26, "Link", "desirable", "idlink"), _f(27, "Description", "desirable", "text")),
    ),
    TemplateSection(
        "Funding",
        "table",
        "desirable",
        STUDY,
        28,
        (_f(29, "Agency", "desirable", "text"), _f(30, "grant_id", "desirable", "text")),
    ),
    TemplateSection(
        "Biosample",
        "section",
        "required",
        STUDY,
        31,
        (
            _f(32, "Title", "required", "text"),
            _f(33, "Organism", "required", "ontology", ontology="NCBITaxon"),
            _f(34, "Description", "desirable", "largetext"),
            _f(35, "Biological entity", "required", "largetext"),
            _f(36, "Experimental variable", "desirable", "largetext"),
            _f(37, "Extrinsic variable", "desirable", "largetext"),
            _f(38, "Intrinsic variable", "desirable", "largetext"),
        ),
    ),
    TemplateSection(
        "Specimen",
        "section",
        "required",
        STUDY,
        39,
        (
            _f(40, "Title", "required", "text"),
            _f(41, "Sample preparation protocol", "required", "largetext"),
            _f(42, "Growth protocol", "desirable", "largetext"),
        ),
    ),
    TemplateSection(
        "Image acquisition",
        "section",
        "required",
        STUDY,
        43,
        (
            _f(44, "Title", "required", "text"),
            _f(45, "Imaging instrument", "required", "largetext"),
            _f(46, "Image acquisition parameters", "required", "largetext"),
            _f(47, "Imaging method", "required", "ontology", ontology="FBbi"),
        ),
    ),
    TemplateSection(
        "Image correlation",
        "section",
        "desirable",
        STUDY,
        48,
        (
            _f(49, "Title", "required", "text"),
            _f(50, "Fiducials used", "desirable", "largetext"),
            _f(51, "Spatial and temporal alignment", "required", "largetext"),
            _f(52, "Transformation matrix", "desirable", "largetext"),
        ),
    ),
    TemplateSection(
        "Image analysis",
        "section",
        "desirable",
        STUDY,
        53,
        (_f(54, "Title", "required", "text"), _f(55, "Image analysis overview", "required", "largetext")),
    ),
    TemplateSection(
        "Annotation",
        "section",
        "desirable",
        STUDY,
        56,
        (
            _f(57, "Title", "required", "text"),
            _f(58, "Annotation Overview", "required", "text"),
            _f(59, "Annotation Type", "required", "select", choices=ANNOTATION_TYPES),
            _f(60, "Annotation Method", "required", "text"),
            _f(61, "Annotation Confidence Level", "desirable", "text"),
            _f(62, "Annotation Criteria", "desirable", "text"),
            _f(63, "Annotation Coverage", "desirable", "text"),
            _f(64, "File List", "required", "filelist"),
        ),
    ),
    TemplateSection(
        STUDY_COMPONENT,
        "section",
        "required",
        STUDY,
        65,
        (
            _f(66, "Name", "required", "text"),
            _f(67, "Description", "required", "text"),
            _f(68, "File List", "required", "filelist"),
        ),
    ),
    TemplateSection(
        ASSOCIATIONS,
        "table",
        "required",
        STUDY_COMPONENT,
        69,
        (
            _f(70, "Biosample", "required", "reference"),
            _f(71, "Specimen", "required", "reference"),
            _f(72, "Image acquisition", "required", "reference"),
            _f(73, "Image correlation", "desirable", "reference"),
            _f(74, "Image analysis", "desirable", "reference"),
        ),
    ),
    TemplateSection(
        "Author",
        "section",
        "hidden",
        STUDY,
        75,
        (
            _f(76, "Name", "", "text"),
            _f(77, "Email", "", "text"),
            _f(78, "Organisation", "", "org"),
            _f(79, "Role", "", "text"),
            _f(80, "ORCID", "", "orcid"),
        ),
    ),
    TemplateSection(
        "Organization",
        "section",
        "hidden",
        STUDY,
        81,
        (_f(82, "Name", "required", "text"), _f(83, "Address", "", "text"), _f(84, "RORID", "", "text")),
    ),
)
TEMPLATE_SECTIONS_BY_NAME: dict[str, TemplateSection] = {section.name: section for section in TEMPLATE_SECTIONS}
# How the submission tool finds a section's template type (EBIBioStudies/submission-tool, frontend/src/components/
# Section.vue, updateSubSectionTypeMap and addSubsection; Authors.vue): by name in any case, an `author` section
# being a row of the Contact table, whose Organisation it stores as an `affiliation` attribute referring to the
# accno of an `organisation` (or `organization`) section. The BIA's ingest reads contacts the same way.
SECTION_ALIASES = {"author": "Contact", "organisation": "Organization", "organization": "Organization"}
CONTACT_AFFILIATION = ("affiliation", "Organisation")
_BY_LOWER_NAME = {
    **{section.name.lower(): section for section in TEMPLATE_SECTIONS},
    **{alias: TEMPLATE_SECTIONS_BY_NAME[name] for alias, name in SECTION_ALIASES.items()},
}
# Attributes a submission carries outside the template's sections: how BioStudies files it (the real BIA examples,
# e.g. bia-integrator's S-BIADTEST, carry these on the submission itself).
SUBMISSION_ATTRIBUTES = ("Title", "ReleaseDate", "AttachTo", "Template")


def section_template(*, section_type: str) -> TemplateSection | None:
    """The template section a PageTab section type stands for, as the submission tool finds it."""
    return _BY_LOWER_NAME.get(section_type.lower())


def _attributes(element: Mapping) -> list[Mapping]:
    return list(element.get("attributes", []))


def _subsections(section: Mapping) -> Iterator[Mapping]:
    for item in section.get("subsections", []):
        if isinstance(item, list):
            yield from item
        else:
            yield item


def _walk(section: Mapping) -> Iterator[Mapping]:
    yield section
    for subsection in _subsections(section):
        yield from _walk(subsection)


def _values(attributes: list[Mapping], name: str) -> list[str]:
    return [str(item.get("value") or "") for item in attributes if item.get("name") == name]


def pagetab_template_problems(*, document: Mapping, placeholder: str) -> list[str]:
    """What the BioImages.v5 template finds wrong in a PageTab submission: missing required sections and fields,
    unknown section types or attributes, values outside a field's choices, Associations naming no section. A value
    starting with `placeholder` stands for one the depositor still fills in: present, so not missing, and exempt
    from the choices."""
    problems: list[str] = []
    root = document.get("section", {})
    if root.get("type") != STUDY:
        return [f"the root section is {root.get('type')!r}, not {STUDY!r}"]
    titles: dict[str, set[str]] = {}
    seen: set[str] = set()
    organisations = {item.get("accno") for item in _walk(root) if SECTION_ALIASES.get(item.get("type", "").lower())}
    for section in _walk(root):
        kind = section.get("type", "")
        spec = section_template(section_type=kind)
        if spec is None:
            problems.append(f"unknown section type {kind!r}")
            continue
        seen.add(spec.name)
        attributes = _attributes(section)
        if kind == STUDY:
            # The study's title and release date live on the submission (as in the BIA's own examples).
            attributes = [*_attributes(document), *attributes]
        if spec.name == "Contact" and kind.lower() == "author":
            problems += _affiliation_problems(attributes, organisations)
            attributes = [_as_organisation(item) for item in attributes]
        problems += _field_problems(spec, attributes, placeholder, allowed_extra=SUBMISSION_ATTRIBUTES)
        for value in _values(attributes, "Title"):
            titles.setdefault(spec.name, set()).add(value)
        for subsection in _subsections(section):
            child = section_template(section_type=subsection.get("type", ""))
            if child is not None and child.parent != spec.name:
                problems.append(f"{child.name} sits in {spec.name}, not in {child.parent}")
    for spec in TEMPLATE_SECTIONS:
        if spec.required and spec.name not in seen:
            problems.append(f"required section {spec.name!r} missing")
    for section in _walk(root):
        if section.get("type") == ASSOCIATIONS:
            for item in _attributes(section):
                target, value = item.get("name", ""), item.get("value", "")
                if value not in titles.get(target, set()):
                    problems.append(f"Associations name {target} {value!r}, which no section has as its title")
    return problems


def _affiliation_problems(attributes: list[Mapping], organisations: set) -> list[str]:
    name = CONTACT_AFFILIATION[0]
    return [
        f"Contact: affiliation {item.get('value')!r} is not a reference to an organisation section"
        for item in attributes
        if item.get("name") == name and (item.get("reference") is not True or item.get("value") not in organisations)
    ]


def _as_organisation(attribute: Mapping) -> Mapping:
    """A contact's `affiliation` read as the template's Organisation field."""
    name, field = CONTACT_AFFILIATION
    return {**attribute, "name": field} if attribute.get("name") == name else attribute


def _field_problems(
    spec: TemplateSection, attributes: list[Mapping], placeholder: str, *, allowed_extra: tuple[str, ...]
) -> list[str]:
    problems = []
    for item in attributes:
        name = item.get("name", "")
        if spec.field(name) is None and not (spec.name == STUDY and name in allowed_extra):
            problems.append(f"{spec.name}: unknown attribute {name!r}")
    for field in spec.fields:
        values = _values(attributes, field.name)
        if field.required and not any(value.strip() for value in values):
            problems.append(f"{spec.name}: required field {field.name!r} missing")
        for value in values:
            if value.startswith(placeholder):
                continue
            if field.choices and value not in field.choices:
                problems.append(f"{spec.name}: {field.name} {value!r} is not one of {field.choices}")
            if field.min_length and len(value) < field.min_length:
                problems.append(f"{spec.name}: {field.name} shorter than {field.min_length} characters")
    return problems
