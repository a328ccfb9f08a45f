"""Published element data the atoms model needs that ``periodictable`` does not carry.

Melting and boiling points at 1 atm, in °C, from the CRC Handbook of Chemistry and
Physics (physical constants of the elements), as quoted on the Royal Society of
Chemistry's periodic table. Rounded to 0.1 °C; small differences between sources
(a degree or less) do not change any trend.
"""

# Group 1: melting point / °C (the trend pupils are asked to explain).
GROUP_1_MELTING_POINT_C = {"Li": 180.5, "Na": 97.8, "K": 63.5, "Rb": 39.3, "Cs": 28.5}

# Group 7: melting and boiling points / °C, and the state at room temperature (20 °C).
GROUP_7_MELTING_POINT_C = {"F": -219.6, "Cl": -101.5, "Br": -7.2, "I": 113.7}
GROUP_7_BOILING_POINT_C = {"F": -188.1, "Cl": -34.0, "Br": 58.8, "I": 184.4}
GROUP_7_COLOUR = {"F": "pale yellow gas", "Cl": "green gas", "Br": "red-brown liquid", "I": "grey-black solid"}

# Group 0: boiling point / °C.
GROUP_0_BOILING_POINT_C = {"He": -268.9, "Ne": -246.0, "Ar": -185.8, "Kr": -153.4, "Xe": -108.1, "Rn": -61.7}
