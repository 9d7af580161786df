"""The engine's words as of the November 2026 edition (policy version 2026-11, plan shape v2), frozen for
migration 0004: results stored before 0002 kept no words of their own, and are given these."""

WORDS = {
    "clauses": {
        "background": {
            "title": "Background",
            "text": "Image data should be deposited into the resource that can provide the "
            "most added value related to that deposition.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#background",
            "verbatim": True,
            "beyond_policy": False,
        },
        "background-patient": {
            "title": "Background: patient data",
            "text": "Patient associated medical imaging data cannot currently be deposited into any resource at EBI.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#background-patient",
            "verbatim": True,
            "beyond_policy": False,
        },
        "spatial-omics": {
            "title": "Spatial-omics data",
            "text": "Within this framework, spatial data (i.e. images, segmentations "
            "etc.) pertinent to each of these domains is centralised within the "
            "BioImage Archive, while the corresponding omics data is deposited in "
            "relevant omics repositories. These datasets can then be linked to "
            "one another.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#spatial-omics",
            "verbatim": True,
            "beyond_policy": False,
        },
        "spatial-omics-no-repository": {
            "title": "Spatial-omics data: no fitting omics repository",
            "text": "For cases where the omics data doesn’t fit into any "
            "existing omics repositories, you can submit all data "
            "to the BioImage Archive along with the spatial data.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#spatial-omics-no-repository",
            "verbatim": True,
            "beyond_policy": False,
        },
        "rule-1": {
            "title": "Image data submission policy, 1",
            "text": "EMPIAR accepts raw images underpinning 3D cryo-EM maps and tomograms, 3D "
            "images obtained with volume EM techniques, and soft and hard X-ray "
            "tomography imaging. Image data in these categories should be deposited into "
            "EMPIAR.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#rule-1",
            "verbatim": True,
            "beyond_policy": False,
        },
        "rule-2": {
            "title": "Image data submission policy, 2",
            "text": "All other imaging data associated with a publication should be deposited in "
            "the BioImage Archive, using the BioStudies/BioImage Archive shared "
            "submission system with an imaging-specific metadata template.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#rule-2",
            "verbatim": True,
            "beyond_policy": False,
        },
        "rule-3": {
            "title": "Image data submission policy, 3",
            "text": "For studies that generate both data suitable for EMPIAR and other image "
            "data (for example correlative X-ray/light microscopy), datasets should be "
            "deposited separately into EMPIAR and the BioImage Archive. Linking "
            "information, such as registrations or transformations into common "
            "coordinate space, should be deposited in the BioImage Archive.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#rule-3",
            "verbatim": True,
            "beyond_policy": False,
        },
        "rule-4": {
            "title": "Image data submission policy, 4",
            "text": "Image data may be moved between the EBI image data resources, according to "
            "operational need. Accession identifiers will remain valid.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#rule-4",
            "verbatim": True,
            "beyond_policy": False,
        },
        "contact": {
            "title": "Queries",
            "text": "For queries, please get in touch at image-presubmission@ebi.ac.uk.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#contact",
            "verbatim": True,
            "beyond_policy": False,
        },
        "table-light-microscopy": {
            "title": "Examples: light microscopy",
            "text": "Light microscopy: BioImage Archive ✅, EMPIAR ❌. Including "
            "many super-resolution techniques. Examples: S-BIAD287, "
            "S-BIAD332.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#table-light-microscopy",
            "verbatim": False,
            "beyond_policy": False,
        },
        "table-2d-em": {
            "title": "Examples: 2D electron microscopy",
            "text": "2D Electron microscopy: BioImage Archive ✅, EMPIAR ❌. Note that 3D "
            "(volume) EM data should be deposited to EMPIAR. Examples: S-BIAD217, "
            "S-BIAD15.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#table-2d-em",
            "verbatim": False,
            "beyond_policy": False,
        },
        "table-high-content-screening": {
            "title": "Examples: high content screening images",
            "text": "High content screening images: BioImage Archive ✅, EMPIAR ❌. Examples: S-BIAD29, S-BIAD235.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#table-high-content-screening",
            "verbatim": False,
            "beyond_policy": False,
        },
        "table-other-imaging": {
            "title": "Examples: other imaging",
            "text": "Other imaging, e.g. AFM, ultrasound: BioImage Archive ✅, "
            "EMPIAR ❌. Includes all biological imaging methods not "
            "explicitly listed elsewhere. Examples: S-BIAD189, S-BIAD194.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#table-other-imaging",
            "verbatim": False,
            "beyond_policy": False,
        },
        "table-cryo-em": {
            "title": "Examples: cryo-EM",
            "text": "cryo-EM: BioImage Archive ❌, EMPIAR ✅. Examples: EMPIAR-10002, EMPIAR-10061.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#table-cryo-em",
            "verbatim": False,
            "beyond_policy": False,
        },
        "table-cryo-et": {
            "title": "Examples: cryo-ET",
            "text": "cryo-ET: BioImage Archive ❌, EMPIAR (✅). Examples: EMPIAR-10164, EMPIAR-10453.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#table-cryo-et",
            "verbatim": False,
            "beyond_policy": False,
        },
        "table-volume-em-xm": {
            "title": "Examples: volume EM/XM",
            "text": "Volume EM/XM: BioImage Archive ❌, EMPIAR ✅. Examples: "
            "EMPIAR-10462 (SBF-SEM), EMPIAR-10310 (FIB-SEM), EMPIAR-10087 "
            "(SXT).",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#table-volume-em-xm",
            "verbatim": False,
            "beyond_policy": False,
        },
        "table-correlative": {
            "title": "Examples: correlative microscopy where one component is 3D EM/XM",
            "text": "Correlative microscopy where one component is 3D EM/XM: BioImage "
            "Archive ✅ (Light Microscopy data and correlation info), EMPIAR ✅ "
            "(EM/XM data). Examples: S-BIAD17 AND EMPIAR-10412, S-BSST729 AND "
            "EMPIAR-10847.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#table-correlative",
            "verbatim": False,
            "beyond_policy": False,
        },
        "table-patient": {
            "title": "Examples: patient identifiable imaging data",
            "text": "Patient identifiable imaging data: BioImage Archive ❌, EMPIAR ❌.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#table-patient",
            "verbatim": False,
            "beyond_policy": False,
        },
        "note-1": {
            "title": "Note 1: high content screening",
            "text": "For high content screening studies, specific metadata templates are "
            "available for different screen types, e.g. compound screens, genetic "
            "knockout screens. Please contact us at bioimage-archive@ebi.ac.uk for more "
            "information.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#note-1",
            "verbatim": True,
            "beyond_policy": False,
        },
        "note-2-tomograms": {
            "title": "Note 2: cryo-ET tomograms",
            "text": "For Cryo-ET, 3D tomograms: if there are only a small number, they "
            "should all be deposited to EMDB. If there are many, then one or a "
            "few representative tomograms should be deposited to EMDB; the "
            "rest can be deposited to EMPIAR.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#note-2-tomograms",
            "verbatim": True,
            "beyond_policy": False,
        },
        "note-2-tilt-series": {
            "title": "Note 2: cryo-ET raw data",
            "text": "Raw data (tilt series): should only be deposited to EMPIAR.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#note-2-tilt-series",
            "verbatim": True,
            "beyond_policy": False,
        },
        "note-3.1": {
            "title": "Note 3.1: correlative studies, EM/X-ray part",
            "text": "For correlative studies: 3D EM or X-ray images should be deposited into EMPIAR.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#note-3.1",
            "verbatim": True,
            "beyond_policy": False,
        },
        "note-3.2": {
            "title": "Note 3.2: correlative studies, other modalities",
            "text": "For correlative studies: Other modalities (e.g. Light Microscopy) should "
            "be deposited into the BioImage Archive.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#note-3.2",
            "verbatim": True,
            "beyond_policy": False,
        },
        "note-3.3": {
            "title": "Note 3.3: correlative studies, correlation information",
            "text": "For correlative studies: Information that describes the correlation "
            "between the images from modalities, e.g. transformations into a shared "
            "physical coordinate space, registrations etc. should be deposited into "
            "the BioImage Archive.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#note-3.3",
            "verbatim": True,
            "beyond_policy": False,
        },
        "note-3-protocol": {
            "title": "Note 3: the Iudin et al 2021 protocol",
            "text": "For more information, see Iudin et al 2021, though note that where "
            "the protocol references deposition to BioStudies, the “BioImaging” "
            "template should be used during deposition.",
            "source": "Image archiving at EBI (policy/sources/image-archiving-at-ebi.md)",
            "source_url": "/policy/#note-3-protocol",
            "verbatim": True,
            "beyond_policy": False,
        },
        "beyond-policy:bia-submission": {
            "title": "BioImage Archive: how to submit",
            "text": "Submitted through the BioStudies submission system: "
            "register, upload the data, prepare a file list (a "
            ".tsv, .xls or .xlsx file whose first column header is "
            "Files), fill the web form with the imaging "
            "(BioImaging, REMBI) template. Large uploads by FTP or "
            "Aspera.",
            "source": "https://www.ebi.ac.uk/bioimage-archive/submit/",
            "source_url": "https://www.ebi.ac.uk/bioimage-archive/submit/",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:emdb-maps": {
            "title": "EMDB: reconstructions",
            "text": "Reconstructions go to EMDB, models to PDB, raw data (tilt "
            "series included) to EMPIAR, each referencing the others.",
            "source": "http://emdataresource.org/news/emdb_policy_2020.html",
            "source_url": "http://emdataresource.org/news/emdb_policy_2020.html",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:emdb-onedep": {
            "title": "EMDB: deposition through wwPDB OneDep",
            "text": "Deposition through wwPDB OneDep; a primary map and an "
            "image are required; half-maps for single-particle, "
            "subtomogram-averaging and helical maps. Related "
            "depositions can be linked in OneDep.",
            "source": "https://www.ebi.ac.uk/emdb/pages/documentation/deposition/general",
            "source_url": "https://www.ebi.ac.uk/emdb/pages/documentation/deposition/general",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:empiar-emdb-link": {
            "title": "EMPIAR: entries tied to EMDB entries",
            "text": "EMPIAR entries are normally associated with one or "
            "more EMDB entries (note the EMD accession before "
            "starting). Exceptions include 3D modalities that "
            "EMDB does not cover (e.g. 3D SEM, soft X-ray "
            "tomography).",
            "source": "https://empiar.org/deposition/manual",
            "source_url": "https://empiar.org/deposition/manual",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:empiar-raw": {
            "title": "EMPIAR: rawest form and licence",
            "text": "Deposit the rawest form of the data (e.g. unaligned "
            "movies); intermediate files are welcome. EMPIAR data is "
            "released under CC0.",
            "source": "https://empiar.org/policies",
            "source_url": "https://empiar.org/policies",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:omics-first": {
            "title": "Spatial omics: order and linking",
            "text": "Submit the omics part first (ENA or ArrayExpress), then "
            "the images to the BioImage Archive, and link the two "
            "submissions.",
            "source": "https://www.ebi.ac.uk/bioimage-archive/help-submit-ST",
            "source_url": "https://www.ebi.ac.uk/bioimage-archive/help-submit-ST",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:arrayexpress": {
            "title": "ArrayExpress: spatial transcriptomics",
            "text": "ArrayExpress (through Annotare, single cell sequencing "
            "template) takes sequencing-based spatial "
            "transcriptomics; raw reads go on to ENA. Imaging-based "
            "spatial transcriptomics readouts are not taken there "
            "and stay with the images in the BioImage Archive.",
            "source": "https://ebi-gene-expression-group.github.io/annotare-help/pages/SEQ_Spatial_Transcriptomics.html",
            "source_url": "https://ebi-gene-expression-group.github.io/annotare-help/pages/SEQ_Spatial_Transcriptomics.html",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:st-metadata": {
            "title": "Spatial transcriptomics: shared metadata table",
            "text": "A shared spatial-transcriptomics metadata table exists; "
            "Sample ID, Slide ID and others are required on both "
            "sides.",
            "source": "https://www.ebi.ac.uk/spatial-transcriptomics/metadata",
            "source_url": "https://www.ebi.ac.uk/spatial-transcriptomics/metadata",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:omics-repositories": {
            "title": "Omics repositories by data type",
            "text": "Proteomics: PRIDE; metabolomics: MetaboLights (no "
            "specific linking guidance found; link by "
            "accession).",
            "source": "https://www.ebi.ac.uk/services/data-resources-and-tools",
            "source_url": "https://www.ebi.ac.uk/services/data-resources-and-tools",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:idr": {
            "title": "High-content screens: IDR",
            "text": "The Image Data Resource (IDR) is a curated added-value resource "
            "for screens, not the archive of record.",
            "source": "https://idr.openmicroscopy.org/about/faq/",
            "source_url": "https://idr.openmicroscopy.org/about/faq/",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:bia-file-list": {
            "title": "BioImage Archive: file lists",
            "text": "One file list per study component or annotation set: "
            "first header Files, one file per row, no blank rows, / "
            "as separator, case-sensitive names. Further columns "
            "are free (e.g. Plate, Well, Field for screens); folder "
            "names are not shown to users, so meaning carried by "
            "paths belongs in the file list.",
            "source": "https://www.ebi.ac.uk/bioimage-archive/help-file-list",
            "source_url": "https://www.ebi.ac.uk/bioimage-archive/help-file-list",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:bia-scope": {
            "title": "BioImage Archive: scope",
            "text": "Molecular to organism scale, no medical imaging; data "
            "related to a publication or of reference value. "
            "De-identification does not make clinical images "
            "depositable.",
            "source": "https://www.ebi.ac.uk/bioimage-archive/project-developments/",
            "source_url": "https://www.ebi.ac.uk/bioimage-archive/project-developments/",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:human-samples": {
            "title": "BioImage Archive: research images of human samples",
            "text": "The BioImage Archive holds research histology of human "
            "patient tissue (e.g. S-BIAD1407, colorectal cancer H&E "
            "slides): microscopy of tissue samples is not clinical "
            "imaging, and needs consent and no identifying "
            "information.",
            "source": "https://www.ebi.ac.uk/biostudies/BioImages/studies/S-BIAD1407",
            "source_url": "https://www.ebi.ac.uk/biostudies/BioImages/studies/S-BIAD1407",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:biostudies-upload": {
            "title": "BioStudies: uploads",
            "text": "Upload through the web for small data; FTP or Aspera for large data (10 GiB and more).",
            "source": "https://www.ebi.ac.uk/biostudies/submit",
            "source_url": "https://www.ebi.ac.uk/biostudies/submit",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:empiar-cryo-et": {
            "title": "EMPIAR: cryo-ET entries and EMDB",
            "text": "The EMPIAR manual's exceptions to being tied to an "
            "EMDB entry are 3D modalities EMDB does not cover (3D "
            "SEM, SXT); EMDB does cover electron tomography "
            "(tomograms, subtomogram averages). Other cases: "
            "contact EMPIAR (empiar-help@ebi.ac.uk) before "
            "depositing.",
            "source": "https://empiar.org/deposition/manual",
            "source_url": "https://empiar.org/deposition/manual",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:empiar-transfer": {
            "title": "EMPIAR: transferring data",
            "text": "Data is transferred by Aspera or Globus, or with the "
            "empiar-depositor command-line tool (on PyPI).",
            "source": "https://empiar.org/deposition/manual",
            "source_url": "https://empiar.org/deposition/manual",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:empiar-release": {
            "title": "EMPIAR: release options",
            "text": "Release options in an EMPIAR deposition: RE (after "
            "processing), EP (with the related EMDB entry), HP (on "
            "publication), HO (hold, at most one year). Depositors "
            "are encouraged to tell EMDB/PDB the EMPIAR accession "
            "afterwards.",
            "source": "https://www.ebi.ac.uk/empiar/policies_update/",
            "source_url": "https://www.ebi.ac.uk/empiar/policies_update/",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:emdb-one-map": {
            "title": "EMDB: one primary map per entry",
            "text": "Each EMDB entry has one primary map.",
            "source": "https://www.ebi.ac.uk/emdb/pages/documentation/deposition/general",
            "source_url": "https://www.ebi.ac.uk/emdb/pages/documentation/deposition/general",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:emdb-half-maps": {
            "title": "EMDB: half-maps",
            "text": "Half-maps are mandatory for single-particle, subtomogram-averaging and helical maps.",
            "source": "https://www.ebi.ac.uk/emdb/pages/documentation/deposition/general",
            "source_url": "https://www.ebi.ac.uk/emdb/pages/documentation/deposition/general",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:emdb-raw-data": {
            "title": "EMDB: raw data in EMPIAR",
            "text": "EMDB strongly encourages depositing all raw data (tilt series included) in EMPIAR.",
            "source": "http://emdataresource.org/news/emdb_policy_2020.html",
            "source_url": "http://emdataresource.org/news/emdb_policy_2020.html",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:pdb-onedep": {
            "title": "PDB: atomic models through OneDep",
            "text": "Atomic models go to the PDB through the same wwPDB OneDep "
            "system as EMDB maps; related depositions can be linked in "
            "OneDep.",
            "source": "http://www.wwpdb.org/deposition/faq",
            "source_url": "http://www.wwpdb.org/deposition/faq",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:arrayexpress-st": {
            "title": "ArrayExpress: what a spatial transcriptomics submission holds",
            "text": "The submission includes the raw high-resolution "
            "tissue images alongside the sequencing data; human "
            "data only with consent for public release. The "
            "shared spatial-transcriptomics metadata table "
            "(Sample ID, Slide ID required) applies to "
            "imaging-based spatial transcriptomics too.",
            "source": "https://ebi-gene-expression-group.github.io/annotare-help/pages/SEQ_Spatial_Transcriptomics.html",
            "source_url": "https://ebi-gene-expression-group.github.io/annotare-help/pages/SEQ_Spatial_Transcriptomics.html",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:arrayexpress-functional-genomics": {
            "title": "ArrayExpress: functional genomics",
            "text": "ArrayExpress accepts all functional "
            "genomics data (e.g. ChIP-seq, "
            "ATAC-seq, single-cell RNA-seq) "
            "through Annotare.",
            "source": "https://ebi-gene-expression-group.github.io/annotare-help/pages/what_to_submit.html",
            "source_url": "https://ebi-gene-expression-group.github.io/annotare-help/pages/what_to_submit.html",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:arrayexpress-release": {
            "title": "ArrayExpress: release once cited",
            "text": "Once an accession is cited in a publication (preprints included), the dataset must be released.",
            "source": "https://ebi-gene-expression-group.github.io/annotare-help/pages/after_sub_modify_data.html",
            "source_url": "https://ebi-gene-expression-group.github.io/annotare-help/pages/after_sub_modify_data.html",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:ega": {
            "title": "EGA: controlled access",
            "text": "The European Genome-phenome Archive takes potentially "
            "identifiable human genetic and phenotypic data consented for "
            "research use but not for open public release. Human "
            "spatial-transcriptomics reads without consent for open release "
            "go there, not to ArrayExpress (e.g. images in S-BIAD1257, reads "
            "in EGAD00001015384).",
            "source": "https://ega-archive.org/submission/",
            "source_url": "https://ega-archive.org/submission/",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:metabolights-msi": {
            "title": "MetaboLights: mass-spectrometry imaging",
            "text": "MetaboLights has an MS-imaging assay template.",
            "source": "https://ebi-metabolights.github.io/mtbls-validation/file-structures/assay-file-structure/MSImaging/assay-file-MSImaging-v1.0",
            "source_url": "https://ebi-metabolights.github.io/mtbls-validation/file-structures/assay-file-structure/MSImaging/assay-file-MSImaging-v1.0",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:deposition-order": {
            "title": "Order of depositions (this service's advice)",
            "text": "A deposition that cites another's accession is made "
            "after it, so that the accession exists when it is "
            "needed: omics data before the images (as the "
            "BioImage Archive's spatial-transcriptomics guide "
            "says), EMDB before EMPIAR (the EMPIAR manual asks "
            "for the EMD accession first), the BioImage "
            "Archive's linking information last.",
            "source": "depositwizard's own advice, drawn from the archives' guidance above",
            "source_url": "/policy/#beyond-policy:deposition-order",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:bia-study-components": {
            "title": "BioImage Archive: study components",
            "text": "A submission has one or more study components "
            "(biosample, specimen, image acquisition, and "
            "correlation or analysis where relevant); a "
            "sample imaged by different methods is split "
            "into components.",
            "source": "https://www.ebi.ac.uk/training/online/courses/bioimage-archive-quick-tour/",
            "source_url": "https://www.ebi.ac.uk/training/online/courses/bioimage-archive-quick-tour/",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:rembi": {
            "title": "REMBI: the metadata of a BioImage Archive submission",
            "text": "REMBI, the Recommended Metadata for Biological Images, "
            "describes a submission in sections: study, study component, "
            "biosample, specimen, image acquisition, image correlation, "
            "image analysis.",
            "source": "https://pmc.ncbi.nlm.nih.gov/articles/PMC8606015",
            "source_url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC8606015",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:empiar-deposition-schema": {
            "title": "EMPIAR: the deposition's required fields",
            "text": "The EMPIAR deposition JSON schema "
            "(empiar_deposition.schema.json in the "
            "empiar-depositor package, Apache-2.0) "
            "requires title, release_date, "
            "experiment_type, authors, "
            "corresponding_author, "
            "principal_investigator, imagesets and "
            "citation. It lists the image formats MRC, "
            "MRCS, TIFF, IMAGIC, DM3, DM4, SPIDER, EER, "
            "PNG, JPEG, SMV, EM, TPX3 and BigDataViewer "
            "HDF5 (others by name), and writes EMDB "
            "references as EMD- and four or more digits, "
            "EMPIAR references as EMPIAR- and digits.",
            "source": "https://pypi.org/project/empiar-depositor/",
            "source_url": "https://pypi.org/project/empiar-depositor/",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:empiar-transfer-release": {
            "title": "EMPIAR: transfers and release",
            "text": "Data travels by Aspera or Globus (also with "
            "the empiar-depositor command-line tool). "
            "Release options: RE (after processing), EP "
            "(with the related EMDB entry), HP (on "
            "publication), HO (hold, at most one year). "
            "Tell EMDB/PDB the EMPIAR accession "
            "afterwards.",
            "source": "https://empiar.org/deposition/manual",
            "source_url": "https://empiar.org/deposition/manual",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:emdb-hold": {
            "title": "EMDB: holding a map before release",
            "text": "Maps may be held before release for no longer than one "
            "year from the deposition date; a hold must be requested at "
            "the initial deposition. EMDataResource encourages "
            "releasing data as soon as possible.",
            "source": "https://www.emdataresource.org/hold_policy.html",
            "source_url": "https://www.emdataresource.org/hold_policy.html",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:wwpdb-hold": {
            "title": "PDB: models and their maps",
            "text": "Deposition to the PDB of a 3DEM model requires prior or "
            "simultaneous deposition of its map to EMDB. wwPDB and "
            "EMDB allow a hold of at most one year; for joint "
            "depositions the hold is the same for maps and models.",
            "source": "https://instruct-eric.org/network/west-life/news/announcement-map-volume-deposition-to-emdb-will-be-mandatory-for-pdb-depositions-of-3dem-models-star",
            "source_url": "https://instruct-eric.org/network/west-life/news/announcement-map-volume-deposition-to-emdb-will-be-mandatory-for-pdb-depositions-of-3dem-models-star",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:pdb-ids": {
            "title": "PDB: identifiers",
            "text": "PDB IDs have four characters (e.g. 1abc) until they run out; "
            "extended PDB IDs are pdb_ followed by eight letters or "
            "digits (e.g. pdb_00001abc). Cite the whole ID, prefix and "
            "zeros included.",
            "source": "https://www.wwpdb.org/documentation/pdb-id-extension-faq",
            "source_url": "https://www.wwpdb.org/documentation/pdb-id-extension-faq",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:arrayexpress-submission": {
            "title": "ArrayExpress: accession and privacy",
            "text": "After submitting in Annotare you receive the "
            "experiment accession by email, usually "
            "within 24 hours; it does not change, so "
            "quote it in the manuscript. The experiment "
            "stays private until its release date, which "
            "you can change at any time.",
            "source": "https://www.ebi.ac.uk/fg/annotare/help/submit_exp.html",
            "source_url": "https://www.ebi.ac.uk/fg/annotare/help/submit_exp.html",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:arrayexpress-accession": {
            "title": "ArrayExpress: accession numbers",
            "text": "ArrayExpress experiments have accessions "
            "E-XXXX-n; MTAB is the code of Annotare "
            "submissions (e.g. E-MTAB-12345).",
            "source": "https://www.ebi.ac.uk/arrayexpress/help/accession_codes.html",
            "source_url": "https://www.ebi.ac.uk/arrayexpress/help/accession_codes.html",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:minseqe": {
            "title": "ArrayExpress: MINSEQE",
            "text": "Sequencing submissions to ArrayExpress follow MINSEQE, the "
            "minimum information about a sequencing experiment.",
            "source": "https://www.fged.org/projects/minseqe",
            "source_url": "https://www.fged.org/projects/minseqe",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:arrayexpress-st-submission": {
            "title": "ArrayExpress: spatial transcriptomics submissions",
            "text": "A spatial transcriptomics submission "
            "includes the raw high-resolution tissue "
            "images alongside the sequencing data "
            "(compressed FASTQ or BAM); human data "
            "only with consent for public release.",
            "source": "https://ebi-gene-expression-group.github.io/annotare-help/pages/SEQ_Spatial_Transcriptomics.html",
            "source_url": "https://ebi-gene-expression-group.github.io/annotare-help/pages/SEQ_Spatial_Transcriptomics.html",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:pride-submission": {
            "title": "PRIDE: submission",
            "text": "Submit with the PRIDE Submission tool (or Globus). "
            "After curation the submitter receives the dataset "
            "identifier (PXD and six digits) and reviewer "
            "credentials; processing can take up to five working "
            "days.",
            "source": "https://www.ebi.ac.uk/pride/markdownpage/submitdatapage",
            "source_url": "https://www.ebi.ac.uk/pride/markdownpage/submitdatapage",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:metabolights-accession": {
            "title": "MetaboLights: accession",
            "text": "Studies receive a stable unique accession "
            "(MTBLS and digits, e.g. MTBLS1) to cite in "
            "the publication.",
            "source": "https://pmc.ncbi.nlm.nih.gov/articles/PMC3531110",
            "source_url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC3531110",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:ega-submission": {
            "title": "EGA: what a submission needs",
            "text": "Each EGA submission needs a signed Data Processing "
            "Agreement, data consistent with the participants' "
            "informed consent, a submitter authorised by the "
            "organisation, and a Data Access Committee that "
            "decides who may use the data.",
            "source": "https://www.ebi.ac.uk/training/online/courses/ega-quick-tour/submitting-data-to-ega",
            "source_url": "https://www.ebi.ac.uk/training/online/courses/ega-quick-tour/submitting-data-to-ega",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:ega-controlled-access": {
            "title": "EGA: controlled access",
            "text": "The EGA archives potentially identifiable "
            "human genetic and phenotypic data consented "
            "for research use but not for open public "
            "release; access needs a formal application. "
            "Datasets have accessions such as "
            "EGAD00001015384.",
            "source": "https://ega-archive.org/submission/",
            "source_url": "https://ega-archive.org/submission/",
            "verbatim": False,
            "beyond_policy": True,
        },
        "beyond-policy:st-metadata-fields": {
            "title": "Spatial transcriptomics: the shared table's sample fields",
            "text": "Sample fields of the shared table, for "
            "imaging-based and sequencing-based spatial "
            "transcriptomics alike: Sample ID, Slide ID, "
            "sample preservation method, organism name, "
            "section thickness, protocol for fixing section "
            "and organ are required; position on slide and "
            "time from collection to preservation are "
            "optional. The page lists further fields.",
            "source": "https://www.ebi.ac.uk/spatial-transcriptomics/metadata",
            "source_url": "https://www.ebi.ac.uk/spatial-transcriptomics/metadata",
            "verbatim": False,
            "beyond_policy": True,
        },
    },
    "archives": {
        "arrayexpress": {
            "name": "ArrayExpress",
            "url": "https://www.ebi.ac.uk/biostudies/arrayexpress",
            "accession_example": "E-MTAB-12345",
        },
        "pride": {"name": "PRIDE", "url": "https://www.ebi.ac.uk/pride/", "accession_example": "PXD012345"},
        "metabolights": {
            "name": "MetaboLights",
            "url": "https://www.ebi.ac.uk/metabolights/",
            "accession_example": "MTBLS1234",
        },
        "ega": {
            "name": "European Genome-phenome Archive (EGA)",
            "url": "https://ega-archive.org/",
            "accession_example": "EGAD00001015384",
        },
        "emdb": {"name": "EMDB", "url": "https://www.ebi.ac.uk/emdb/", "accession_example": "EMD-12345"},
        "pdb": {"name": "PDB", "url": "https://www.ebi.ac.uk/pdbe/", "accession_example": "8VK3"},
        "empiar": {"name": "EMPIAR", "url": "https://www.ebi.ac.uk/empiar/", "accession_example": "EMPIAR-10002"},
        "bia": {
            "name": "BioImage Archive",
            "url": "https://www.ebi.ac.uk/bioimage-archive/",
            "accession_example": "S-BIAD287",
        },
    },
    "link_kinds": {
        "correlation": "Correlation information",
        "omics_link": "Image–omics link",
        "cross_reference": "Accession cross-reference",
    },
    "questions": [
        ["publication", "Is the image data associated with a publication?"],
        ["id", "Give the dataset a short label"],
        ["modality", "How were these images made?"],
        ["em_method", "Which electron microscopy method did you use?"],
        ["tilt_series", "Will you deposit the raw tilt series?"],
        ["tomograms", "How many reconstructed tomograms will you deposit?"],
        ["subtomogram_average", "Did you compute a subtomogram average?"],
        ["atomic_model", "Did you build an atomic model into the map?"],
        ["dimensionality", "Are the images 2D or 3D (tomography)?"],
        ["omics_type", "What kind of omics data goes with the images?"],
        ["omics_repository_fits", "Does the omics data fit an existing omics repository?"],
        ["screen_type", "What kind of screen is it?"],
        [
            "patient_medical",
            "Is this medical imaging of patients, for example clinical MRI, CT, ultrasound or X-ray, "
            "whether or not it identifies them?",
        ],
        ["human_tissue", "Do the images show samples from human participants, for example tissue sections or cells?"],
        ["human_controlled_access", "Must the human sequencing data stay under controlled access?"],
    ],
    "labels": {
        "modality": {
            "light_microscopy": "Light microscopy",
            "electron_microscopy": "Electron microscopy",
            "xray_imaging": "X-ray imaging",
            "high_content_screening": "High-content screen",
            "spatial_omics": "Spatial omics",
            "other": "Other imaging",
        },
        "em_method": {
            "single_particle": "Single-particle cryo-EM",
            "cryo_et": "Cryo-electron tomography (cryo-ET)",
            "volume_em": "Volume EM",
            "2d": "2D electron microscopy",
        },
        "tomograms": {"none": "No tomograms", "few": "A few tomograms", "many": "Many tomograms"},
        "dimensionality": {"2d": "2D images", "3d": "3D images (tomography)"},
        "omics_type": {
            "transcriptomics": "Spatial transcriptomics",
            "proteomics": "Spatial proteomics",
            "metabolomics": "Spatial metabolomics",
            "epigenomics": "Spatial epigenomics or other functional genomics",
            "other": "Other omics",
        },
        "screen_type": {"compound": "Compound screen", "genetic": "Genetic screen", "other": "Another kind of screen"},
    },
}
