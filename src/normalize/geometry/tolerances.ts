// Every geometric heuristic of the PDF reader is one of these named tolerances (page units).
export const TOLERANCE = {
  /** Rulings this close on the cross axis are the same line. */
  snap: 1.5,
  /** Collinear rulings with gaps up to this are one line. */
  join: 1.5,
  /** How near a ruling must pass a point to make an intersection or close a cell edge. */
  intersection: 1.5,
  /** A painted shape thinner than this is a ruling, not an area. */
  ruleThickness: 2.5,
  /** Fragments whose vertical centres differ by less than this × font size share a line. */
  lineCentre: 0.5,
  /** A horizontal gap wider than this × font size between fragments of a line is a space. */
  wordGap: 0.25,
  /** Vector check boxes are squares with sides in this range, square within `boxSquareness`. */
  boxSide: [3, 14] as const,
  boxSquareness: 1.2,
  /** Without rulings: a gap wider than this × font size between runs of a line separates cells. */
  cellGap: 0.8,
  /** Without rulings: lines at one left edge less than this × font size apart are one cell. */
  paragraphGap: 0.6,
  /** Fewer ruled cells than this on a page that has text: cells are taken from alignment. */
  minRuledCells: 8,
  /** Neighbouring cells must overlap on the cross axis by this share of the smaller one. */
  neighbourOverlap: 0.5,
} as const;
