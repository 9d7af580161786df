"""Version 2 of the answers contract, read as version 3.

Version 2 asked whether images were medical imaging of *patients*; version 3 asks about medical imaging of
people, patients or healthy volunteers, so a version 2 "yes" is a version 3 "yes", and a version 2 "no" keeps
the plan it had. Version 2 never asked whether the participants who gave human samples consented to open
release of their images: that answer is "not asked", and no open archive receives those images.
"""

from policy.engine.translation import Translation

FROM_V2 = Translation(
    version=2,
    renamed={"patient_medical": "medical_imaging"},
    new_fields=frozenset({"medical_imaging", "human_images_open"}),
)
