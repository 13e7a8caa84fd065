import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

/** Reference tables exist so that foreign keys and SQL aggregates can lean on them; their rows come from libs/shared. */
@Entity('province')
export class ProvinceEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code: string;

  @Column({ name: 'name_vi', type: 'varchar', length: 100 })
  nameVi: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100 })
  nameEn: string;

  @Column({ name: 'former_names', type: 'text', array: true, default: () => "'{}'" })
  formerNames: string[];
}

@Entity('tech_field')
export class TechFieldEntity {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code: string;

  @Column({ name: 'name_vi', type: 'varchar', length: 200 })
  nameVi: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200 })
  nameEn: string;

  @Column({ name: 'parent_code', type: 'varchar', length: 16, nullable: true })
  parentCode: string | null;

  @ManyToOne(() => TechFieldEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_code' })
  parent?: Relation<TechFieldEntity>;
}
